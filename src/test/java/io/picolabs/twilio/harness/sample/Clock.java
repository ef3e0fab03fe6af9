package io.picolabs.twilio.harness.sample;

import jakarta.enterprise.context.ApplicationScoped;

/** A bean of the test's own, as a rule author's application has. */
@ApplicationScoped
public class Clock {
  String now() {
    return "9:30";
  }
}
