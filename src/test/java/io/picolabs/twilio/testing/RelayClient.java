package io.picolabs.twilio.testing;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Twilio's side of a ConversationRelay or Media Stream socket, for tests: connects signed as Twilio
 * signs the upgrade (over the {@code ws://} URL, no parameters), sends JSON messages, and hands
 * over what the server sends, one message at a time.
 */
public final class RelayClient implements AutoCloseable {
  private final WebSocket socket;
  private final BlockingQueue<String> received;

  private RelayClient(WebSocket socket, BlockingQueue<String> received) {
    this.socket = socket;
    this.received = received;
  }

  /**
   * The {@code ws://} URL of relay {@code relay} on the server at {@code base}, at 127.0.0.1 as
   * every request of the tests ({@link TwilioRequests#uri}).
   */
  public static URI url(URL base, String relay) {
    return URI.create(
        TwilioRequests.uri(base, "twilio/relay/" + relay).toString().replaceFirst("^http", "ws"));
  }

  /** Connects to {@code url} with {@code signature} (none if null); fails as the upgrade does. */
  public static CompletableFuture<RelayClient> connect(URI url, String signature) {
    BlockingQueue<String> received = new LinkedBlockingQueue<>();
    WebSocket.Builder builder =
        HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
    if (signature != null) {
      builder.header("X-Twilio-Signature", signature);
    }
    return builder
        .buildAsync(url, new Listener(received))
        .thenApply(socket -> new RelayClient(socket, received));
  }

  /** Connects to relay {@code relay} signed as Twilio signs it. */
  public static RelayClient signed(URL base, String relay) {
    return signed(url(base, relay));
  }

  /** The {@code ws://} URL of Media Stream {@code stream} on the server at {@code base}. */
  public static URI streamUrl(URL base, String stream) {
    return URI.create(
        TwilioRequests.uri(base, "twilio/stream/" + stream).toString().replaceFirst("^http", "ws"));
  }

  /** Connects to {@code url} signed as Twilio signs it. */
  public static RelayClient signed(URI url) {
    return connect(url, TwilioRequests.signature(url, Map.of())).join();
  }

  /** Sends {@code json} as one text message. */
  public RelayClient send(String json) {
    socket.sendText(json, true).join();
    return this;
  }

  /** The next message from the server, within 10 seconds. */
  public String next() {
    try {
      String message = received.poll(10, TimeUnit.SECONDS);
      if (message == null) {
        throw new AssertionError("no message from the server within 10 s");
      }
      return message;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** The next message, if one comes within {@code millis}; else null. */
  public String nextWithin(long millis) throws InterruptedException {
    return received.poll(millis, TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
  }

  private static final class Listener implements WebSocket.Listener {
    private final BlockingQueue<String> received;
    private final StringBuilder partial = new StringBuilder();

    Listener(BlockingQueue<String> received) {
      this.received = received;
    }

    @Override
    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        received.add(partial.toString());
        partial.setLength(0);
      }
      socket.request(1);
      return null;
    }
  }
}
