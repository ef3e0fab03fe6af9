package io.picolabs.twilio.state;

import io.picolabs.twilio.event.CurrentEvent;
import io.picolabs.twilio.rules.EntityVars;
import io.picolabs.twilio.rules.RuleEvent;
import io.picolabs.twilio.rules.Vars;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/** {@link EntityVars} of the event being handled, over the request's pending writes. */
@RequestScoped
public class EntityVariables extends ScopedVariables implements EntityVars {
  private CurrentEvent current;

  protected EntityVariables() {}

  @Inject
  public EntityVariables(CurrentEvent current, VariableWrites writes) {
    super(writes);
    this.current = current;
  }

  /** Whether the event being handled names an entity (see {@link #entityOf}). */
  public boolean known() {
    return EntityVars.entityOf(current.get()) != null;
  }

  /** The entity of the event being handled. */
  public String entity() {
    RuleEvent event = current.get();
    String entity = EntityVars.entityOf(event);
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
