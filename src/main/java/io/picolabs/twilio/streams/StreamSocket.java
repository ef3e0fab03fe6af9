package io.picolabs.twilio.streams;

import io.picolabs.twilio.relay.RelaySocket;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;
import java.util.logging.Logger;

/**
 * {@code wss://<public URL>/twilio/stream/{stream}}: the WebSocket of a {@code <Connect><Stream>},
 * one {@link StreamSession} per connection. Only an upgrade signed by Twilio gets here ({@code
 * SignedUpgrades}).
 */
@ServerEndpoint("/twilio/stream/{stream}")
public class StreamSocket {
  private static final Logger LOG = Logger.getLogger(StreamSocket.class.getName());

  private StreamSession session;

  @OnOpen
  public void open(Session socket, @PathParam("stream") String stream) {
    socket.setMaxIdleTimeout(0); // as long as the call
    StreamDispatch dispatch = CDI.current().select(StreamDispatch.class).get();
    session =
        new StreamSession(
            stream,
            text -> socket.getBasicRemote().sendText(text),
            socket::close,
            RelaySocket.origin(socket),
            dispatch::raise);
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
    LOG.fine(() -> "media stream socket " + socket.getId() + " closed: " + reason);
  }

  @OnError
  public void error(Session socket, Throwable failure) {
    LOG.warning(() -> "media stream socket " + socket.getId() + ": " + failure);
  }
}
