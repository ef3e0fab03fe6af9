package io.picolabs.twilio.harness;

import io.picolabs.twilio.config.RestConfig;
import io.picolabs.twilio.rules.RuleEvent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs rules in-process, without a server: the rule classes under test (and any beans of yours they
 * inject) in a CDI SE container with the library's own beans, each event raised through the engine
 * the server uses, as a webhook raises it. What the rules did comes back as a {@link RuleRun}: the
 * TwiML, the messages and calls sent, the variables written.
 *
 * <pre>{@code
 * try (RuleHarness rules = RuleHarness.of(HelloMonkey.class)) {
 *   RuleRun run = rules.raise("twilio", "monkey_handle", Map.of("From", "+8015552311", "Digits", "7"));
 *   assertEquals(XML + "<Response><Say>Your favorite number is 7.</Say><Hangup/></Response>", run.twiml());
 *   assertEquals(Map.of("favorite", "7"), run.entityVars("+8015552311"));
 *   assertEquals(List.of(), run.sends());
 * }
 * }</pre>
 *
 * <p>As on the server, each rule is a transaction: one that throws is logged and takes back what it
 * did, and the others still run ({@link RuleRun#failed}); events the rules raise run at once and
 * add to the same answer. Variables live in memory for as long as the harness (the next event sees
 * what the last one wrote); messages and calls are written to an outbox that never sends, so no
 * outcome event ({@code sms_sent} …) follows; raise one yourself to test the rules that select it.
 *
 * <p>The settings are MicroProfile Config's ({@link #of(Map, Class[])}): by default only a test
 * account ({@link #ACCOUNT_SID}, {@link #AUTH_TOKEN}), so that sends pass their check; an empty
 * value removes a default. Action URLs are as for an application at the root of {@link #ORIGIN}.
 * Needs a CDI SE implementation on the test class path (Weld SE). Each harness is a container of
 * its own (several may run at once); one harness is for one thread.
 */
public final class RuleHarness implements AutoCloseable {

  /** The origin of the requests the harness answers, for the absolute URLs of sends. */
  public static final String ORIGIN = "https://rules.example.com";

  /** The default account's SID ({@code twilio.account-sid}) unless the settings give another. */
  public static final String ACCOUNT_SID = "AC00000000000000000000000000000000";

  /** The default account's auth token ({@code twilio.auth-token}) unless the settings give one. */
  public static final String AUTH_TOKEN = "harness-token";

  private final ServerParts parts;

  private RuleHarness(ServerParts parts) {
    this.parts = parts;
  }

  /** Starts {@code beans} (the rule classes, and beans of yours they need) with the library's. */
  public static RuleHarness of(Class<?>... beans) {
    return of(Map.of(), beans);
  }

  /**
   * As {@link #of(Class[])}, with MicroProfile Config {@code settings} ({@code
   * twilio.webhook.public-url}, {@code twilio.accounts.<name>.account-sid} …) over the defaults.
   */
  public static RuleHarness of(Map<String, String> settings, Class<?>... beans) {
    Map<String, String> all = new LinkedHashMap<>();
    all.put(RestConfig.ACCOUNT_SID.key(), ACCOUNT_SID);
    all.put(RestConfig.AUTH_TOKEN.key(), AUTH_TOKEN);
    all.putAll(settings);
    return new RuleHarness(new ServerParts(all, ORIGIN, beans));
  }

  /**
   * Raises {@code domain type} with exactly {@code attrs} (nothing is added: give {@code From},
   * {@code CallSid} … as Twilio would when the rules read them) and returns what the rules did.
   */
  public RuleRun raise(String domain, String type, Map<String, String> attrs) {
    return raise(RuleEvent.of(domain, type, attrs));
  }

  /** Raises {@code event} and returns what the rules did. */
  public RuleRun raise(RuleEvent event) {
    return parts.raise(event);
  }

  /** The variables {@code entity} has now, name to value (as {@link VarWrite#value}). */
  public Map<String, Object> entityVars(String entity) {
    return values(parts.stored("ent", entity));
  }

  /** The application variables now, as {@link #entityVars}. */
  public Map<String, Object> appVars() {
    return values(parts.stored("app", "app"));
  }

  /** The variables of call {@code callSid} now, as {@link #entityVars}. */
  public Map<String, Object> callVars(String callSid) {
    return values(parts.stored("call", callSid));
  }

  /** Gives {@code entity} the variable {@code name} before an event, as an earlier rule would. */
  public RuleHarness presetEntityVar(String entity, String name, Object value) {
    parts.preset("ent", entity, name, value);
    return this;
  }

  /** Gives the application the variable {@code name} before an event. */
  public RuleHarness presetAppVar(String name, Object value) {
    parts.preset("app", "app", name, value);
    return this;
  }

  /** Gives call {@code callSid} the variable {@code name} before an event. */
  public RuleHarness presetCallVar(String callSid, String name, Object value) {
    parts.preset("call", callSid, name, value);
    return this;
  }

  /** Stops the container. */
  @Override
  public void close() {
    parts.close();
  }

  private static Map<String, Object> values(Map<String, String> json) {
    Map<String, Object> values = new LinkedHashMap<>();
    json.forEach((name, value) -> values.put(name, VarWrite.value(value)));
    return values;
  }
}
