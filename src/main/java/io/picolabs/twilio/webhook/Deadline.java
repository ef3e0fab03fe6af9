package io.picolabs.twilio.webhook;

import io.picolabs.twilio.event.RuleEngine;
import io.picolabs.twilio.event.RuleEvent;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Answers Twilio in time. Twilio waits at most 15 s and then gives the caller an error; rules that
 * have not finished within {@code twilio.webhook.deadline-ms} are left to finish on their own, and
 * the caller hears {@code twilio.webhook.fallback-twiml} instead of silence. The slow rule is named
 * in the log. Whatever the rules do later is never sent: the answer has gone.
 *
 * <p>The rules run on the managed executor while the HTTP request waits suspended, not blocking a
 * thread: a request thread blocked on a task queued to the same pool would starve it under load.
 * The container answers the fallback when the suspension times out; whichever answer comes first is
 * the only one sent.
 */
@ApplicationScoped
public class Deadline {
  private static final Logger LOG = Logger.getLogger(Deadline.class.getName());

  @Resource ManagedExecutorService executor;
  @Inject RuleEngine engine;
  @Inject WebhookSettings settings;

  /**
   * Resumes {@code response} with {@code answer}'s TwiML for {@code event}, or with the fallback.
   */
  public void answer(AsyncResponse response, RuleEvent event, Supplier<String> answer) {
    AtomicReference<Thread> worker = new AtomicReference<>();
    long budget = settings.deadline().toMillis();
    response.setTimeout(budget, TimeUnit.MILLISECONDS);
    response.setTimeoutHandler(
        late -> {
          Thread running = worker.get();
          String rule = running == null ? null : engine.ruleRunningOn(running).orElse(null);
          LOG.warning(
              "event "
                  + event
                  + " not answered within "
                  + budget
                  + " ms"
                  + (rule == null ? "" : ": rule " + rule + " is still running")
                  + "; answered the fallback TwiML");
          late.resume(twiml(settings.fallbackTwiml()));
        });
    executor.execute(
        () -> {
          worker.set(Thread.currentThread());
          String text;
          try {
            text = answer.get();
          } catch (RuntimeException e) {
            LOG.log(
                Level.SEVERE,
                "event " + event + " could not be answered; answered the fallback TwiML",
                e);
            text = settings.fallbackTwiml();
          } finally {
            worker.set(null);
          }
          response.resume(twiml(text));
        });
  }

  private static Response twiml(String text) {
    return Response.ok(text, MediaType.APPLICATION_XML_TYPE.withCharset("UTF-8")).build();
  }
}
