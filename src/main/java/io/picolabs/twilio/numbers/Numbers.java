package io.picolabs.twilio.numbers;

import io.picolabs.twilio.event.DuplicateKey;
import io.picolabs.twilio.event.ManagedScheduler;
import io.picolabs.twilio.rest.IncomingNumber;
import io.picolabs.twilio.rest.NumberWebhooks;
import io.picolabs.twilio.rest.TwilioRest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Compares the configured numbers with this server, at start-up and on request, and wires and
 * unwires them through Twilio's IncomingPhoneNumbers API, with the default account.
 *
 * <p>Wiring remembers a number's previous webhooks in the database before it changes them at
 * Twilio: a wiring that fails half-way leaves the originals remembered (unwiring then restores what
 * was there anyway), never lost. Unwiring forgets them only once Twilio has them back.
 */
@ApplicationScoped
public class Numbers {
  private static final Logger LOG = Logger.getLogger(Numbers.class.getName());

  @Inject NumberSettings settings;
  @Inject TwilioRest rest;
  @Inject PreviousWirings previous;
  @Inject Instance<RequestContextController> contexts;

  /**
   * Logs, once the application has started, how each configured number stands: off the start-up
   * thread, since Twilio may be slow or unreachable and the server must start anyway.
   */
  void checkAtStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
    if (settings.numbers().isEmpty()) {
      return;
    }
    if (settings.publicUrl().isEmpty()) {
      LOG.warning(
          NumberSettings.NUMBERS_KEY
              + " is set but twilio.webhook.public-url (TWILIO_WEBHOOK_PUBLIC_URL) is not: comparing"
              + " the numbers' webhooks with this server needs it");
      return;
    }
    try {
      ManagedScheduler.lookup().execute(this::logAll);
    } catch (RejectedExecutionException | IllegalStateException e) {
      LOG.log(Level.WARNING, "twilio.numbers: the numbers could not be checked: " + e, e);
    }
  }

  /**
   * On a scheduler thread, in a request context of its own, as a request to {@code /numbers} has: a
   * pooled thread's first call into the REST client was seen (in CI, once) to need one.
   */
  private void logAll() {
    RequestContextController context = contexts.get();
    boolean activated = context.activate();
    try {
      logEach();
    } finally {
      if (activated) {
        context.deactivate();
      }
    }
  }

  private void logEach() {
    for (String number : settings.numbers()) {
      try {
        NumberState state = state(number);
        if (state.found() == null) {
          LOG.warning(WiringDiff.notFound(number, rest.accountSid(null)));
          continue;
        }
        String note =
            WiringDiff.applicationNote(
                state.found().voiceApplicationSid(), state.found().smsApplicationSid());
        if (state.wired()) {
          LOG.info(WiringDiff.wired(number, state.found().sid()) + note);
        } else {
          LOG.warning(WiringDiff.differs(number, state.found().sid(), state.differences()) + note);
        }
      } catch (RuntimeException e) { // Twilio unreachable or refusing, credentials missing
        LOG.warning(WiringDiff.unchecked(number, e.getMessage()));
        LOG.log(Level.FINE, "twilio.numbers: " + number + " could not be checked", e);
      }
    }
  }

  /** Every configured number as it stands, in configuration order. */
  public List<NumberState> states() {
    expected(); // before asking Twilio anything
    List<NumberState> states = new ArrayList<>();
    for (String number : settings.numbers()) {
      states.add(state(number));
    }
    return states;
  }

  /** The public URL the numbers are compared with. */
  public String publicUrl() {
    expected();
    return settings.publicUrl().orElseThrow();
  }

  private NumberState state(String number) {
    IncomingNumber found = rest.incomingNumber(null, number).orElse(null);
    return new NumberState(number, found, expected(), previous.find(number).orElse(null));
  }

  /**
   * Points {@code number} at this server. The webhooks it had are remembered first, unless some are
   * remembered already (the originals, from an earlier wiring); a number already wired with nothing
   * remembered is left as it is, since there would be nothing to restore.
   *
   * @throws WiringRefused if the number is not configured, not in the account, or there is no
   *     public URL
   */
  public NumberState wire(String number) {
    configured(number);
    NumberWebhooks expected = expected();
    IncomingNumber found = found(number);
    NumberState before =
        new NumberState(number, found, expected, previous.find(number).orElse(null));
    if (before.wired() && before.remembered() == null) {
      return before;
    }
    if (before.remembered() == null) {
      try {
        previous.rememberFirst(
            new PreviousWiring(number, found.sid(), found.webhooks(), System.currentTimeMillis()));
      } catch (RuntimeException e) {
        if (!DuplicateKey.in(e)) {
          throw e;
        }
        // another request wired it at the same moment and remembered the same originals
      }
    }
    IncomingNumber wired = rest.updateWebhooks(null, found.sid(), expected);
    LOG.info("twilio.numbers: wired " + number + " (" + found.sid() + ") to this server");
    return new NumberState(number, wired, expected, previous.find(number).orElse(null));
  }

  /**
   * Puts back the webhooks {@code number} had before it was wired, and forgets them.
   *
   * @throws WiringRefused if the number is not configured or nothing is remembered of it
   */
  public NumberState unwire(String number) {
    configured(number);
    NumberState.Remembered remembered =
        previous
            .find(number)
            .orElseThrow(
                () ->
                    new WiringRefused(
                        WiringRefused.Reason.NOTHING_REMEMBERED,
                        number + " was not wired by this server: there is nothing to restore"));
    IncomingNumber restored = rest.updateWebhooks(null, remembered.sid(), remembered.previous());
    previous.forget(number);
    LOG.info(
        "twilio.numbers: unwired "
            + number
            + " ("
            + remembered.sid()
            + "): its previous webhooks are back");
    return new NumberState(number, restored, settings.expected().orElse(null), null);
  }

  private void configured(String number) {
    if (!settings.numbers().contains(number)) {
      throw new WiringRefused(
          WiringRefused.Reason.NOT_CONFIGURED,
          number + " is not one of " + NumberSettings.NUMBERS_KEY);
    }
  }

  private IncomingNumber found(String number) {
    return rest.incomingNumber(null, number)
        .orElseThrow(
            () ->
                new WiringRefused(
                    WiringRefused.Reason.NOT_IN_ACCOUNT,
                    number + " is not a number of Twilio account " + rest.accountSid(null)));
  }

  private NumberWebhooks expected() {
    return settings
        .expected()
        .orElseThrow(
            () ->
                new WiringRefused(
                    WiringRefused.Reason.NO_PUBLIC_URL,
                    "set twilio.webhook.public-url (TWILIO_WEBHOOK_PUBLIC_URL): the numbers'"
                        + " webhooks are URLs of this server's public address"));
  }
}
