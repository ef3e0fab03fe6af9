package io.picolabs.twilio.rest;

/**
 * A Twilio account: the default one or one a rule names, as a KRL ruleset named its own {@code key
 * twilio}. The auth token never appears in {@link #toString()}.
 */
public record Account(String name, String sid, String authToken) {

  /** The name of the account configured under {@code twilio.account-sid}. */
  public static final String DEFAULT = "default";

  @Override
  public String toString() {
    return "Account[" + name + ", " + sid + "]";
  }
}
