package io.picolabs.twilio.rules;

import java.time.Instant;
import java.util.List;

/**
 * The variables of the event's entity, KRL's {@code ent:}: kept until removed. The entity is the
 * event's {@code entity} attribute when it has one; else, for Twilio's events, the other party:
 * {@code From} of inbound calls and texts, {@code To} of outbound ones. {@link #of} names another.
 */
public interface EntityVars extends Vars {

  /** The entity an event is about, or {@code null} if it names none. */
  static String entityOf(RuleEvent event) {
    String explicit = event.attr("entity");
    if (explicit != null && !explicit.isBlank()) {
      return explicit;
    }
    if (!event.domain().equals("twilio")) {
      return null;
    }
    String direction = event.attr("Direction");
    String party =
        direction != null && direction.startsWith("outbound")
            ? event.attr("To")
            : event.attr("From");
    return party == null || party.isBlank() ? null : party;
  }

  /** Whether the event being handled names an entity (see {@link #entityOf}). */
  boolean known();

  /**
   * The entity of the event being handled; throws {@link IllegalStateException} if it names none.
   */
  String entity();

  /** The variables of {@code entity}, whatever the event. */
  Vars of(String entity);

  /**
   * The entities whose variable {@code name} was written most recently, newest first, at most
   * {@code limit}, each with its value as a {@code type}: what is committed, not the pending writes
   * of the event being handled. Usable outside rules too, e.g. by a page that lists them.
   */
  <T> List<Latest<T>> newest(String name, Class<T> type, int limit);

  /** One entity's value of a variable, and when it was written. */
  record Latest<T>(String entity, T value, Instant written) {}
}
