package io.picolabs.twilio.benchmark;

import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;

/**
 * The ceiling a WebSocket session can approach on this server: each text message answered with
 * itself, nothing else. scripts/benchmark compares relay sessions and media streams with it.
 *
 * <p>It answers through the session's basic remote, as our sockets do, not by returning the message
 * from {@code @OnMessage}: measured back to back on Liberty 26.0.0.3, the return value's path
 * echoed 4 % fewer messages a second at 1,000 sessions and had a p99 of 45–95 ms at 750 media
 * streams against the basic remote's 7.6–9.8 ms. A slower ceiling would flatter every ratio against
 * it.
 */
@ServerEndpoint("/ceiling/echo")
public class EchoCeiling {

  @OnMessage
  public void echo(String message, Session session) throws IOException {
    session.getBasicRemote().sendText(message);
  }
}
