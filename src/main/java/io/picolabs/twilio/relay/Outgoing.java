package io.picolabs.twilio.relay;

/** What a session sends back for a message: a written message, or a reply still being made. */
sealed interface Outgoing permits Outgoing.Message, StreamedReply {

  /** A message as Twilio reads it, JSON. */
  record Message(String json) implements Outgoing {}
}
