package io.picolabs.twilio.rules;

/** The application's variables, one set for every event, KRL's {@code app:}. */
public interface AppVars extends Vars {
  /** The owner app variables are stored under. */
  String OWNER = "app";
}
