package io.picolabs.twilio.ops;

import io.picolabs.twilio.outbound.SendSettled;
import io.picolabs.twilio.relay.SessionMessage;
import io.picolabs.twilio.rules.RuleEvent;
import io.picolabs.twilio.spi.RuleWatch;
import io.picolabs.twilio.webhook.WebhookAnswered;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * The application's metrics, in MicroProfile Metrics' application registry (Prometheus text at
 * {@code /metrics?scope=application}), counted from the facts the other packages tell:
 *
 * <ul>
 *   <li>{@code twilio.webhooks} (type, outcome): every webhook request, by event type and {@link
 *       WebhookAnswered.Outcome};
 *   <li>{@code twilio.webhook.replays}: retried deliveries answered without running the rules;
 *   <li>{@code twilio.rule.runs} (rule, outcome {@code fired} or {@code failed}) and {@code
 *       twilio.rule.duration} (rule): each rule run, its commit included;
 *   <li>{@code twilio.outbound.sends} (kind, outcome, error_code): each settlement of an outbox
 *       entry, see {@link SendSettled};
 *   <li>{@code twilio.session.messages} (kind, type): each message of a ConversationRelay session
 *       or a Media Stream raised to the rules, see {@link SessionMessage}.
 * </ul>
 *
 * A failure to count is logged, never thrown into the code that told the fact.
 */
@ApplicationScoped
public class TwilioMetrics implements RuleWatch {
  static final Metadata WEBHOOKS =
      Metadata.builder()
          .withName("twilio.webhooks")
          .withDescription(
              "Twilio webhook requests by event type (- when refused) and outcome: answered,"
                  + " refused_signature, bad_input, fallback, replayed, error")
          .build();
  static final Metadata REPLAYS =
      Metadata.builder()
          .withName("twilio.webhook.replays")
          .withDescription(
              "retried webhook deliveries (same I-Twilio-Idempotency-Token) answered again without"
                  + " running the rules")
          .build();
  static final Metadata RULE_RUNS =
      Metadata.builder()
          .withName("twilio.rule.runs")
          .withDescription("rule runs by rule and outcome: fired (returned, committed) or failed")
          .build();
  static final Metadata RULE_DURATION =
      Metadata.builder()
          .withName("twilio.rule.duration")
          .withDescription("how long each rule ran, its commit included")
          .build();
  static final Metadata SENDS =
      Metadata.builder()
          .withName("twilio.outbound.sends")
          .withDescription(
              "outbox settlements by kind (sms, call), outcome (sent, reconciled, failed, retried,"
                  + " in_doubt, unknown) and Twilio error code (none without one)")
          .build();

  static final Metadata SESSION_MESSAGES =
      Metadata.builder()
          .withName("twilio.session.messages")
          .withDescription(
              "messages of Twilio's WebSocket sessions raised to the rules, by kind (relay, stream)"
                  + " and event type")
          .build();

  /** Distinct event types counted before the rest are counted as one. */
  static final int MAX_EVENT_TYPES = 100;

  private static final Logger LOG = Logger.getLogger(TwilioMetrics.class.getName());

  @Inject MetricRegistry registry;

  private final TagValues tags = new TagValues(MAX_EVENT_TYPES);

  // The registry's metrics by their tag values, looked up once: a registry look-up builds and
  // checks a metric id on every call, measurable on the webhook's path. Bounded: event types by
  // TagValues, rules by the rule table, outcomes by their enumerations.
  private final Map<String, Counter> webhookCounters = new ConcurrentHashMap<>();
  private final Map<String, Counter> ruleRuns = new ConcurrentHashMap<>();
  private final Map<String, Timer> ruleDurations = new ConcurrentHashMap<>();
  private final Map<String, Counter> sessionMessages = new ConcurrentHashMap<>();

  void webhook(@Observes WebhookAnswered answered) {
    try {
      String type = tags.eventType(answered.type());
      String outcome = answered.outcome().tag();
      webhookCounters
          .computeIfAbsent(
              type + ' ' + outcome,
              key -> registry.counter(WEBHOOKS, new Tag("type", type), new Tag("outcome", outcome)))
          .inc();
      if (answered.outcome() == WebhookAnswered.Outcome.REPLAYED) {
        registry.counter(REPLAYS).inc();
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "webhook not counted: " + e, e);
    }
  }

  void session(@Observes SessionMessage message) {
    try {
      String type = tags.eventType(message.type());
      sessionMessages
          .computeIfAbsent(
              message.kind() + ' ' + type,
              key ->
                  registry.counter(
                      SESSION_MESSAGES, new Tag("kind", message.kind()), new Tag("type", type)))
          .inc();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "session message not counted: " + e, e);
    }
  }

  void send(@Observes SendSettled settled) {
    try {
      registry
          .counter(
              SENDS,
              new Tag("kind", settled.kind()),
              new Tag("outcome", settled.outcome()),
              new Tag("error_code", TagValues.errorCode(settled.errorCode())))
          .inc();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "send not counted: " + e, e);
    }
  }

  /** Times the rule; counts it, fired or failed, when it ends. */
  @Override
  public Run started(String rule, RuleEvent event) {
    long start = System.nanoTime();
    return failure -> {
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      String outcome = failure == null ? "fired" : "failed";
      ruleRuns
          .computeIfAbsent(
              rule + ' ' + outcome,
              key ->
                  registry.counter(RULE_RUNS, new Tag("rule", rule), new Tag("outcome", outcome)))
          .inc();
      ruleDurations
          .computeIfAbsent(rule, key -> registry.timer(RULE_DURATION, new Tag("rule", rule)))
          .update(took);
    };
  }
}
