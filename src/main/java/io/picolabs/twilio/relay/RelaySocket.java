package io.picolabs.twilio.relay;

import io.picolabs.twilio.config.WebhookConfig;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;
import java.net.URI;
import java.util.logging.Logger;

/**
 * {@code wss://<public URL>/twilio/relay/{relay}}: the WebSocket of a {@code
 * <Connect><ConversationRelay>}, one {@link RelaySession} per connection. Only an upgrade signed by
 * Twilio gets here ({@code SignedUpgrades}, a servlet filter of the webhook boundary).
 */
@ServerEndpoint("/twilio/relay/{relay}")
public class RelaySocket {
  private static final Logger LOG = Logger.getLogger(RelaySocket.class.getName());

  private RelaySession session;

  @OnOpen
  public void open(Session socket, @PathParam("relay") String relay) {
    // a session lasts as long as the call's conversation: no idle limit of the container's
    socket.setMaxIdleTimeout(0);
    RelayDispatch dispatch = CDI.current().select(RelayDispatch.class).get();
    session =
        new RelaySession(
            relay, text -> socket.getBasicRemote().sendText(text), origin(socket), dispatch::raise);
  }

  @OnMessage
  public void message(String text) {
    session.receive(text);
  }

  @OnClose
  public void close(Session socket, CloseReason reason) {
    if (session != null) {
      session.close();
    }
    LOG.fine(() -> "relay socket " + socket.getId() + " closed: " + reason);
  }

  @OnError
  public void error(Session socket, Throwable failure) {
    LOG.warning(() -> "relay socket " + socket.getId() + ": " + failure);
  }

  /**
   * The origin the events of {@code socket} resolve their targets against: {@code
   * twilio.webhook.public-url}, else the socket URL's.
   */
  public static String origin(Session socket) {
    WebhookConfig config = CDI.current().select(WebhookConfig.class).get();
    return config.publicUrl().orElseGet(() -> origin(socket.getRequestURI()));
  }

  /** The HTTP origin of the socket's URL ({@code wss://h/…} → {@code https://h}), or null. */
  public static String origin(URI socketUrl) {
    if (socketUrl == null || socketUrl.getScheme() == null || socketUrl.getRawAuthority() == null) {
      return null;
    }
    String scheme = socketUrl.getScheme().equalsIgnoreCase("wss") ? "https" : "http";
    return scheme + "://" + socketUrl.getRawAuthority();
  }
}
