package io.picolabs.twilio.relay;

import io.picolabs.twilio.rules.RuleEvent;
import jakarta.json.JsonObject;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One ConversationRelay session: the messages Twilio sends over one WebSocket, each raised as an
 * event in the order they came (the container hands a session's messages over one at a time), what
 * the rules send back queued in their order and sent once they returned. A streamed reply holds the
 * queue until it finishes; an {@code interrupt} cancels it and drops what was queued behind it (it
 * was to be said after what the caller cut short), before the interrupt's own rules run. Sessions
 * run in parallel.
 *
 * <p>Nothing Twilio sends, and nothing a rule does, closes the session: a message that is not one
 * (not JSON, no {@code type}) is logged and skipped, rules that fail send nothing of their own, and
 * a failure around the rules (the database gone) is logged and the session waits for the next
 * message. A dropped socket would fail the call: Twilio does not reconnect.
 */
final class RelaySession {
  private static final Logger LOG = Logger.getLogger(RelaySession.class.getName());
  private final String relay;
  private final TwilioSocket socket;
  private final String origin;
  private final BiFunction<RuleEvent, String, List<Outgoing>> rules;
  private final Deque<Outgoing> queue = new ArrayDeque<>();
  private StreamedReply speaking; // guarded by this
  private Map<String, List<String>> setup = Map.of();

  /**
   * @param rules raises an event with an origin and returns what its rules send back
   */
  RelaySession(
      String relay,
      TwilioSocket.Sender socket,
      String origin,
      BiFunction<RuleEvent, String, List<Outgoing>> rules) {
    this.relay = relay;
    this.socket = new TwilioSocket("relay " + relay, socket);
    this.origin = origin;
    this.rules = rules;
  }

  /** Handles one text message from Twilio. */
  void receive(String text) {
    TwilioSocket.Message read = socket.read(text, "type");
    if (read == null) {
      return;
    }
    JsonObject message = read.json();
    String type = read.name();
    if (type.equals("setup")) {
      setup = RelayEvents.setup(message);
    } else if (type.equals("interrupt")) {
      interrupt();
    }
    RuleEvent event = RelayEvents.of(relay, setup, message);
    List<Outgoing> replies;
    try {
      replies = rules.apply(event, origin);
    } catch (RuntimeException e) {
      LOG.log(
          Level.SEVERE, "relay " + relay + ": " + event.type() + " not handled; nothing sent", e);
      return;
    }
    synchronized (this) {
      queue.addAll(replies);
      pump();
    }
  }

  /** Sends what is queued, up to a streamed reply that has not finished. */
  private synchronized void pump() {
    while (speaking == null && !queue.isEmpty()) {
      Outgoing next = queue.poll();
      if (next instanceof Outgoing.Message message) {
        send(message.json());
      } else if (next instanceof StreamedReply stream && !stream.attach(this::send, this::spoken)) {
        speaking = stream;
      }
    }
  }

  /** The streamed reply being sent finished: on with the queue. */
  private synchronized void spoken() {
    speaking = null;
    pump();
  }

  /** The caller cut in: the reply being made is cancelled, and what waited behind it dropped. */
  private void interrupt() {
    StreamedReply cut;
    List<Outgoing> dropped;
    synchronized (this) {
      cut = speaking;
      speaking = null;
      dropped = List.copyOf(queue);
      queue.clear();
    }
    if (cut != null) {
      cut.cancel();
    }
    for (Outgoing reply : dropped) {
      if (reply instanceof StreamedReply stream) {
        stream.cancel();
      }
    }
  }

  /** The socket closed: nothing more is sent, and a reply being made is cancelled. */
  void close() {
    socket.close();
    interrupt();
  }

  private void send(String json) {
    socket.send(json);
  }
}
