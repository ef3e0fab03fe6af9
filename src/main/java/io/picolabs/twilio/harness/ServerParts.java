package io.picolabs.twilio.harness;

import io.picolabs.twilio.action.ActionUrls;
import io.picolabs.twilio.action.Directives;
import io.picolabs.twilio.action.Outbox;
import io.picolabs.twilio.action.TwilioActions;
import io.picolabs.twilio.config.Configuration;
import io.picolabs.twilio.config.MapConfig;
import io.picolabs.twilio.event.AnswerWindow;
import io.picolabs.twilio.event.CurrentEvent;
import io.picolabs.twilio.event.EventContext;
import io.picolabs.twilio.event.RequestOrigin;
import io.picolabs.twilio.event.RuleCommit;
import io.picolabs.twilio.event.RuleEngine;
import io.picolabs.twilio.event.RuleEntry;
import io.picolabs.twilio.event.RuleTable;
import io.picolabs.twilio.http.PublicUrl;
import io.picolabs.twilio.outbound.OutboxStore;
import io.picolabs.twilio.outbound.OutcomeEvents;
import io.picolabs.twilio.outbound.Sender;
import io.picolabs.twilio.outbound.StatusCallbacks;
import io.picolabs.twilio.relay.RelayReplies;
import io.picolabs.twilio.rest.Account;
import io.picolabs.twilio.rest.OutgoingCall;
import io.picolabs.twilio.rest.OutgoingSms;
import io.picolabs.twilio.rest.TwilioAccounts;
import io.picolabs.twilio.rest.TwilioRest;
import io.picolabs.twilio.rules.RuleEvent;
import io.picolabs.twilio.schema.DatabaseClock;
import io.picolabs.twilio.state.AppVariables;
import io.picolabs.twilio.state.CallLifetime;
import io.picolabs.twilio.state.CallVariables;
import io.picolabs.twilio.state.EntityVariables;
import io.picolabs.twilio.state.JsonValues;
import io.picolabs.twilio.state.MemoryVariables;
import io.picolabs.twilio.state.Scope;
import io.picolabs.twilio.state.VarKey;
import io.picolabs.twilio.state.VariableStore;
import io.picolabs.twilio.state.VariableWrites;
import io.picolabs.twilio.streams.StreamReplies;
import io.picolabs.twilio.twiml.TwimlWriter;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Vetoed;
import jakarta.enterprise.inject.se.SeContainer;
import jakarta.enterprise.inject.se.SeContainerInitializer;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessObserverMethod;
import jakarta.inject.Singleton;
import jakarta.servlet.ServletContext;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.Config;

/**
 * The one place where the harness knows the library's insides: which of its beans a rule reaches,
 * the stand-ins for what only the server provides, and how a raised event is run as a webhook runs
 * it (a request context, the request's origin, the engine, the call's end, the directives written
 * as TwiML). As the project's {@code DispatchBenchmark} and {@code RuleEngineTest} do, through CDI
 * SE rather than Weld's own API.
 */
final class ServerParts implements AutoCloseable {

  /**
   * The library's beans that rules and their effects reach, and what those inject in turn. Not: the
   * webhooks and HTTP, the signature check, the idempotency store, the deadline, the metrics and
   * traces ({@code ops}), the outbox's status log.
   */
  private static final List<Class<?>> LIBRARY_BEANS =
      List.of(
          RuleEngine.class,
          RuleEntry.class,
          CurrentEvent.class,
          AnswerWindow.class,
          RequestOrigin.class,
          RuleCommit.class,
          TwilioActions.class,
          Directives.class,
          Outbox.class,
          RelayReplies.class,
          StreamReplies.class,
          VariableWrites.class,
          EntityVariables.class,
          AppVariables.class,
          CallVariables.class,
          ActionUrls.class,
          PublicUrl.class,
          Sender.class,
          DatabaseClock.class,
          OutcomeEvents.class,
          TwilioRest.class,
          TwilioAccounts.class,
          CallLifetime.class,
          Configuration.class);

  private static final Pattern EVENT_TYPE = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*(\\?.*)?");

  private final RecordedVariables variables = new RecordedVariables();
  private final RecordedOutbox outbox = new RecordedOutbox();
  private final SeContainer container;
  private final String origin;
  private final RuleEntry entry;
  private final Directives directives;
  private final ActionUrls urls;

  ServerParts(Map<String, String> settings, String origin, Class<?>... beans) {
    for (Class<?> bean : beans) {
      Package in = bean.getPackage();
      if (bean.isAnnotationPresent(Vetoed.class)
          || (in != null && in.isAnnotationPresent(Vetoed.class))) {
        throw new IllegalArgumentException(
            bean.getName()
                + " is @Vetoed (or its package is): it would be no bean, and its rules would never"
                + " run");
      }
    }
    this.origin = origin;
    container =
        SeContainerInitializer.newInstance()
            .disableDiscovery()
            .addExtensions(new RuleTable(), new StandIns(settings, variables, outbox))
            .addBeanClasses(LIBRARY_BEANS.toArray(Class<?>[]::new))
            .addBeanClasses(beans)
            .initialize();
    try {
      // client proxies: the request-scoped ones reach each raise's own instances
      entry = container.select(RuleEntry.class).get();
      directives = container.select(Directives.class).get();
      urls = container.select(ActionUrls.class).get();
    } catch (RuntimeException e) {
      container.close();
      throw e;
    }
  }

  /** Runs {@code event}'s rules in a request of their own, as a webhook does. */
  RuleRun raise(RuleEvent event) {
    variables.written.clear();
    outbox.written.clear();
    return entry.raise(
        EventContext.of(event, origin),
        outcome -> {
          String twiml = TwimlWriter.write(directives.response());
          String own = urls.absolute("sms_status");
          String webhooks = own.substring(0, own.lastIndexOf('/') + 1);
          List<Send> sends = new ArrayList<>();
          for (Queued queued : outbox.written) {
            sends.add(queued.send(webhooks));
          }
          return new RuleRun(
              twiml, outcome.fired(), outcome.failed(), sends, List.copyOf(variables.written));
        });
  }

  /** The live variables of {@code owner} in {@code scope}, name to JSON. */
  Map<String, String> stored(String scope, String owner) {
    return variables.all(scope(scope), owner, System.currentTimeMillis());
  }

  /** Stores a variable, as if a rule had written it earlier (not a write of any run). */
  void preset(String scope, String owner, String name, Object value) {
    VarKey key = new VarKey(scope(scope), owner, name);
    variables.store.apply(
        List.of(new VariableStore.Change(key, JsonValues.write(key, value), null, 0)),
        System.currentTimeMillis());
  }

  @Override
  public void close() {
    container.close();
  }

  private static Scope scope(String code) {
    for (Scope scope : Scope.values()) {
      if (scope.code().equals(code)) {
        return scope;
      }
    }
    throw new IllegalArgumentException("no variable scope " + code);
  }

  /**
   * A URL of a send as the rule named it: a webhook of this server as its event type (with its own
   * query), else the URL. {@code webhooks} is where this server's webhooks are ({@code
   * https://host/twilio/}).
   */
  static String target(String url, String webhooks) {
    if (url == null || !url.startsWith(webhooks)) {
      return url;
    }
    String rest = url.substring(webhooks.length());
    return EVENT_TYPE.matcher(rest).matches() ? rest : url;
  }

  /** {@code url} without the {@code outbox=<id>} the outbox adds to status callbacks of its own. */
  static String withoutEntry(String url) {
    int query = url == null ? -1 : url.indexOf('?');
    if (query < 0) {
      return url;
    }
    String kept =
        List.of(url.substring(query + 1).split("&")).stream()
            .filter(param -> !param.startsWith(StatusCallbacks.ENTRY + "="))
            .collect(Collectors.joining("&"));
    return url.substring(0, kept.isEmpty() ? query : query + 1) + kept;
  }

  // ---- stand-ins for what only the server provides ----

  /** What a rule wrote to the outbox: a message or a call, from an account. */
  private record Queued(String account, OutgoingSms sms, OutgoingCall call) {
    Send send(String webhooks) {
      String name = account == null ? Account.DEFAULT : account;
      if (sms != null) {
        return new Send.Sms(
            sms.to(),
            sms.from(),
            sms.messagingServiceSid(),
            sms.body(),
            sms.mediaUrls(),
            target(withoutEntry(sms.statusCallback()), webhooks),
            name);
      }
      return new Send.Call(
          call.to(),
          call.from(),
          target(call.url(), webhooks),
          target(withoutEntry(call.statusCallback()), webhooks),
          call.statusCallbackEvents(),
          call.statusCallbackMethod(),
          call.timeout(),
          name);
    }
  }

  /** The outbox without a database: keeps what the rules' commits write; sends nothing. */
  private static final class RecordedOutbox extends OutboxStore {
    final List<Queued> written = new ArrayList<>();

    @Override
    public void addSms(String id, String account, OutgoingSms sms, String origin) {
      written.add(new Queued(account, sms, null));
    }

    @Override
    public void addCall(String id, String account, OutgoingCall call, String origin) {
      written.add(new Queued(account, null, call));
    }
  }

  /** Variables in memory ({@link MemoryVariables}), keeping what the rules' commits write. */
  private static final class RecordedVariables implements VariableStore {
    final MemoryVariables store = new MemoryVariables();
    final List<VarWrite> written = new ArrayList<>();

    @Override
    public Stored find(VarKey key, long nowMillis) {
      return store.find(key, nowMillis);
    }

    @Override
    public Map<String, String> all(Scope scope, String owner, long nowMillis) {
      return store.all(scope, owner, nowMillis);
    }

    @Override
    public List<Entry> newest(Scope scope, String name, int limit, long nowMillis) {
      return store.newest(scope, name, limit, nowMillis);
    }

    @Override
    public void apply(List<Change> changes, long nowMillis) {
      store.apply(changes, nowMillis); // all or nothing: a conflict records nothing
      for (Change change : changes) {
        VarKey key = change.key();
        written.add(new VarWrite(key.scope().code(), key.owner(), key.name(), change.json()));
      }
    }

    @Override
    public int removeAll(Scope scope, String owner) {
      return store.removeAll(scope, owner);
    }

    @Override
    public int removeExpired(long nowMillis) {
      return store.removeExpired(nowMillis);
    }
  }

  /**
   * Adds the stand-ins as synthetic beans, and leaves out the background work the server starts
   * with the application (the outbox's sender, the purge of expired call variables), which needs
   * the server's managed executor: without it the sender never sends, and the outbox keeps what was
   * written.
   */
  static final class StandIns implements Extension {
    private final Config config;
    private final VariableStore variables;
    private final OutboxStore outbox;

    StandIns(Map<String, String> settings, VariableStore variables, OutboxStore outbox) {
      this.config = new MapConfig(settings);
      this.variables = variables;
      this.outbox = outbox;
    }

    void leaveOutBackgroundWork(@Observes ProcessObserverMethod<?, ?> observer) {
      Class<?> bean = observer.getObserverMethod().getBeanClass();
      boolean atStart =
          observer.getObserverMethod().getObservedQualifiers().stream()
              .anyMatch(Initialized.class::isInstance);
      if (atStart && (bean == Sender.class || bean == CallLifetime.class)) {
        observer.veto();
      }
    }

    void addStandIns(@Observes AfterBeanDiscovery discovered) {
      ServletContext root = servletContext();
      discovered
          .addBean()
          .beanClass(ServerParts.class)
          .types(Config.class, Object.class)
          .scope(Singleton.class)
          .createWith(c -> config);
      discovered
          .addBean()
          .beanClass(ServerParts.class)
          .types(ServletContext.class, Object.class)
          .scope(Singleton.class)
          .createWith(c -> root);
      discovered
          .addBean()
          .beanClass(ServerParts.class)
          .types(VariableStore.class, Object.class)
          .scope(Singleton.class)
          .createWith(c -> variables);
      discovered
          .addBean()
          .beanClass(ServerParts.class)
          .types(OutboxStore.class, Object.class)
          .scope(Singleton.class)
          .createWith(c -> outbox);
    }
  }

  /** The servlet context of an application at the root with no JAX-RS application path. */
  private static ServletContext servletContext() {
    ClassLoader loader = ServerParts.class.getClassLoader();
    return (ServletContext)
        Proxy.newProxyInstance(
            loader,
            new Class<?>[] {ServletContext.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "getContextPath" -> "";
                  case "getServletRegistrations" -> Map.of();
                  case "getClassLoader" -> loader;
                  case "toString" -> "the harness's servlet context";
                  case "hashCode" -> System.identityHashCode(proxy);
                  case "equals" -> proxy == args[0];
                  default ->
                      throw new UnsupportedOperationException(
                          "the harness's servlet context has no " + method.getName());
                });
  }
}
