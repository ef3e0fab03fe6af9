package io.picolabs.twilio.state;

import io.picolabs.twilio.event.CurrentEvent;
import io.picolabs.twilio.rules.EntityVars;
import io.picolabs.twilio.rules.RuleEvent;
import io.picolabs.twilio.rules.Vars;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

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
  public <T> List<Latest<T>> newest(String name, Class<T> type, int limit) {
    List<Latest<T>> latest = new ArrayList<>();
    for (VariableStore.Entry entry : writes().newest(Scope.ENTITY, name, limit)) {
      VarKey key = new VarKey(Scope.ENTITY, entry.owner(), name);
      T value = JsonValues.read(key, entry.json(), type);
      latest.add(new Latest<>(entry.owner(), value, Instant.ofEpochMilli(entry.updatedAtMillis())));
    }
    return latest;
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
