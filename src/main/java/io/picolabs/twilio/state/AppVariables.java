package io.picolabs.twilio.state;

import io.picolabs.twilio.rules.AppVars;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/** {@link AppVars} over the request's pending writes. */
@RequestScoped
public class AppVariables extends ScopedVariables implements AppVars {
  protected AppVariables() {}

  @Inject
  public AppVariables(VariableWrites writes) {
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
