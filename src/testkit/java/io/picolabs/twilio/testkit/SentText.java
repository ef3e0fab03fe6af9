package io.picolabs.twilio.testkit;

// PLACEHOLDER
public record SentText(String body) {}
