package io.picolabs.twilio.benchmark;

import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

/**
 * The ceiling a WebSocket session can approach on this server: each text message answered with
 * itself, nothing else. scripts/benchmark compares relay sessions and media streams with it.
 */
@ServerEndpoint("/ceiling/echo")
public class EchoCeiling {

  @OnMessage
  public String echo(String message) {
    return message;
  }
}
