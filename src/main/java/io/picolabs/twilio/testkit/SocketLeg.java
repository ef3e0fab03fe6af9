package io.picolabs.twilio.testkit;

import java.net.URI;
import java.net.http.WebSocket;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Twilio's end of a ConversationRelay or Media Streams socket: opened signed, JSON text frames out,
 * the server's messages in, read as flat JSON objects (the kit reads JSON by hand: it needs the JDK
 * alone).
 */
final class SocketLeg implements WebSocket.Listener {
  private final BlockingQueue<Map<String, String>> received = new LinkedBlockingQueue<>();
  private final StringBuilder partial = new StringBuilder();
  private WebSocket socket;

  static SocketLeg open(Webhooks http, URI url) {
    SocketLeg leg = new SocketLeg();
    leg.socket = http.connect(url, leg);
    return leg;
  }

  /** Whether neither side has closed the socket yet. */
  boolean open() {
    return !socket.isOutputClosed() && !socket.isInputClosed();
  }

  void send(String json) {
    socket.sendText(json, true).join();
  }

  /**
   * Sends {@code json} unless a side has closed the socket; whether it went (one that crossed the
   * server's close did not, and is no failure).
   */
  boolean sendWhileOpen(String json) {
    return whileOpen(() -> socket.sendText(json, true));
  }

  /** What {@link #poll} gives once the server closed the socket (after its last message). */
  static final Map<String, String> CLOSED = Map.of();

  /** The server's next message, {@link #CLOSED}, or null after {@code millis} without one. */
  Map<String, String> poll(long millis) {
    try {
      return received.poll(millis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while listening to the relay", e);
    }
  }

  /**
   * Closes the socket from Twilio's side; after the server closed it, the JDK's client answers that
   * close itself, so nothing is sent (and a close that crossed the server's is no failure).
   */
  void close() {
    whileOpen(() -> socket.sendClose(WebSocket.NORMAL_CLOSURE, "session over"));
  }

  /** Does {@code act} if the socket is open; a failure because the server closed it is none. */
  private boolean whileOpen(Supplier<CompletableFuture<WebSocket>> act) {
    if (!open()) {
      return false;
    }
    try {
      act.get().join();
      return true;
    } catch (CompletionException e) {
      if (open()) {
        throw e;
      }
      return false; // the server closed it meanwhile
    }
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    partial.append(data);
    if (last) {
      received.add(flat(partial.toString()));
      partial.setLength(0);
    }
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    received.add(CLOSED);
    return null;
  }

  /**
   * A flat JSON object's members: strings unescaped, numbers, booleans and {@code null} as written
   * (a nested value is kept as its JSON text).
   */
  static Map<String, String> flat(String json) {
    Map<String, String> members = new LinkedHashMap<>();
    int[] at = {skip(json, 0)};
    expect(json, at, '{');
    while (skip(json, at[0]) < json.length() && json.charAt(skip(json, at[0])) != '}') {
      at[0] = skip(json, at[0]);
      String name = string(json, at);
      at[0] = skip(json, at[0]);
      expect(json, at, ':');
      at[0] = skip(json, at[0]);
      members.put(name, value(json, at));
      at[0] = skip(json, at[0]);
      if (at[0] < json.length() && json.charAt(at[0]) == ',') {
        at[0]++;
      }
    }
    return members;
  }

  private static String value(String json, int[] at) {
    char c = json.charAt(at[0]);
    if (c == '"') {
      return string(json, at);
    }
    int start = at[0];
    int depth = 0;
    while (at[0] < json.length()) {
      char d = json.charAt(at[0]);
      if (d == '"') {
        string(json, at);
        continue;
      }
      if (d == '{' || d == '[') {
        depth++;
      } else if (d == '}' || d == ']') {
        if (depth == 0) {
          break;
        }
        depth--;
      } else if (d == ',' && depth == 0) {
        break;
      }
      at[0]++;
    }
    return json.substring(start, at[0]).strip();
  }

  private static String string(String json, int[] at) {
    expect(json, at, '"');
    StringBuilder out = new StringBuilder();
    while (json.charAt(at[0]) != '"') {
      char c = json.charAt(at[0]++);
      if (c != '\\') {
        out.append(c);
        continue;
      }
      char e = json.charAt(at[0]++);
      switch (e) {
        case 'n' -> out.append('\n');
        case 't' -> out.append('\t');
        case 'r' -> out.append('\r');
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'u' -> {
          out.append((char) Integer.parseInt(json.substring(at[0], at[0] + 4), 16));
          at[0] += 4;
        }
        default -> out.append(e);
      }
    }
    at[0]++;
    return out.toString();
  }

  private static void expect(String json, int[] at, char c) {
    if (at[0] >= json.length() || json.charAt(at[0]) != c) {
      throw new IllegalArgumentException(
          "not JSON the kit can read, '" + c + "' expected: " + json);
    }
    at[0]++;
  }

  private static int skip(String json, int at) {
    while (at < json.length() && Character.isWhitespace(json.charAt(at))) {
      at++;
    }
    return at;
  }
}
