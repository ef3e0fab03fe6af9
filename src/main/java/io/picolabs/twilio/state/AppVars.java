package io.picolabs.twilio.state;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/** The application's variables, one set for every event, KRL's {@code app:}. */
@RequestScoped
public class AppVars extends Vars {
  /** The owner app variables are stored under. */
  public static final String OWNER = "app";

  protected AppVars() {}

  @Inject
  public AppVars(VariableWrites writes) {
    super(writes);
  }

  @Override
  protected Scope scope() {
    return Scope.APP;
  }

  @Override
  protected String owner() {
    return OWNER;
  }
}
