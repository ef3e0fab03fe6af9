package io.picolabs.twilio.rest;

import io.picolabs.twilio.config.Setting;

/** An outbound action was used for an account whose credentials are not configured. */
public class MissingCredentials extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  public MissingCredentials(String key) {
    super(
        "Twilio credentials missing: set "
            + key
            + " (environment variable "
            + Setting.environmentVariable(key)
            + ")");
  }
}
