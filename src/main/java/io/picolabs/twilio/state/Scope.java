package io.picolabs.twilio.state;

/** Whose a variable is; the code is what the database stores. */
public enum Scope {
  /** One party (a caller's number), KRL's {@code ent:}. */
  ENTITY("ent"),
  /** The whole application, KRL's {@code app:}. */
  APP("app"),
  /** One call ({@code CallSid}), until it completes or expires. */
  CALL("call");

  private final String code;

  Scope(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }
}
