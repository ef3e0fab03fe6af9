package io.picolabs.twilio.state;

import io.picolabs.twilio.event.CurrentEvent;
import io.picolabs.twilio.event.RuleEvent;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/**
 * The variables of the event's entity, KRL's {@code ent:}: kept until removed. The entity is the
 * event's {@code entity} attribute when it has one; else, for Twilio's events, the other party:
 * {@code From} of inbound calls and texts, {@code To} of outbound ones. {@link #of} names another.
 */
@RequestScoped
public class EntityVars extends Vars {
  private CurrentEvent current;

  protected EntityVars() {}

  @Inject
  public EntityVars(CurrentEvent current, VariableWrites writes) {
    super(writes);
    this.current = current;
  }

  /** The entity an event is about, or {@code null} if it names none. */
  public static String entityOf(RuleEvent event) {
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
  public boolean known() {
    return entityOf(current.get()) != null;
  }

  /** The entity of the event being handled. */
  public String entity() {
    RuleEvent event = current.get();
    String entity = entityOf(event);
    if (entity == null) {
      throw new IllegalStateException(
          "event "
              + event
              + " names no entity (no entity attribute, no From/To): use ent.of(entity)");
    }
    return entity;
  }

  /** The variables of {@code entity}, whatever the event. */
  public Vars of(String entity) {
    return new Of(Scope.ENTITY, entity, writes());
  }

  @Override
  protected Scope scope() {
    return Scope.ENTITY;
  }

  @Override
  protected String owner() {
    return entity();
  }
}
