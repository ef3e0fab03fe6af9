package io.picolabs.twilio.testkit;

import java.net.URI;
import java.net.URL;
import java.util.Objects;

/**
 * The offline phone for conversation tests: calls and texts a running server of Twilio rules over
 * HTTP, exactly as Twilio would, and checks what it hears.
 *
 * <pre>{@code
 * TwilioPhone phone = TwilioPhone.at(baseUrl).authToken(token);
 * try (PhoneCall call = phone.from("+8015552311").call("twilio/inbound_call")) {
 *   call.hears("Hello Big Bird").hearsPrompt("What is your favorite number?").press("7")
 *       .hears("Your favorite number is 7.").hangsUp();
 * }
 * phone.from("+8015552311").text("twilio/inbound_sms", "Where are you?").repliesWith("…");
 * }</pre>
 *
 * <p>Requests are signed with the auth token ({@link #authToken}) or, as Twilio signs them for an
 * account that uses shared keys, with a shared key ({@link #sharedKey(String, String)}).
 *
 * <p>Paths are relative to the base URL (a leading {@code /} too, so {@code /twilio/inbound_call}
 * lands under the application's context root); an absolute URL is used as it is. Immutable: each
 * setting returns a new phone.
 */
public final class TwilioPhone {
  /** The account the simulated Twilio says it calls for. */
  public static final String DEFAULT_ACCOUNT_SID = "AC00000000000000000000000000000000";

  /** The number called and texted: Twilio's magic number for tests. */
  public static final String DEFAULT_NUMBER = "+15005550006";

  /** Where a call's status callback goes, relative to the base URL. */
  public static final String DEFAULT_STATUS_CALLBACK = "twilio/call_status";

  private final URI base;
  private final String authToken;
  private final SharedKey sharedKey;
  private final String accountSid;
  private final String number;
  private final String statusCallback;
  private final int stepLimit;
  private final FakeTwilio api;

  private TwilioPhone(
      URI base,
      String authToken,
      SharedKey sharedKey,
      String accountSid,
      String number,
      String statusCallback,
      int stepLimit,
      FakeTwilio api) {
    this.base = base;
    this.authToken = authToken;
    this.sharedKey = sharedKey;
    this.accountSid = accountSid;
    this.number = number;
    this.statusCallback = statusCallback;
    this.stepLimit = stepLimit;
    this.api = api;
  }

  /** A phone for the server at {@code base} (its application's root URL). */
  public static TwilioPhone at(String base) {
    String root = base.endsWith("/") ? base : base + "/";
    return new TwilioPhone(
        URI.create(root),
        null,
        null,
        DEFAULT_ACCOUNT_SID,
        DEFAULT_NUMBER,
        DEFAULT_STATUS_CALLBACK,
        CallSimulator.DEFAULT_STEP_LIMIT,
        null);
  }

  /** A phone for the server at {@code base}. */
  public static TwilioPhone at(URL base) {
    return at(base.toString());
  }

  /** A phone for the server at {@code base}. */
  public static TwilioPhone at(URI base) {
    return at(base.toString());
  }

  /** Signs every request with {@code token}, the server's {@code twilio.auth-token}. */
  public TwilioPhone authToken(String token) {
    return new TwilioPhone(
        base,
        Objects.requireNonNull(token),
        null,
        accountSid,
        number,
        statusCallback,
        stepLimit,
        api);
  }

  /**
   * Signs every request with the shared key {@code keyId} (one of the server's {@code
   * twilio.webhook.shared-keys}) and HMAC-SHA256, as Twilio does for an account that signs with
   * shared keys: {@code X-Twilio-Webhooks-Signature-Settings} names the key.
   */
  public TwilioPhone sharedKey(String keyId, String secret) {
    return sharedKey(SharedKey.of(keyId, secret));
  }

  /**
   * Signs every request with the shared key {@code keyId} and {@code algorithm} ({@value
   * SharedKey#HMAC_SHA256} or {@value SharedKey#HMAC_SHA1}).
   */
  public TwilioPhone sharedKey(String keyId, String secret, String algorithm) {
    return sharedKey(new SharedKey(keyId, secret, algorithm));
  }

  /** Signs every request with {@code key}. */
  public TwilioPhone sharedKey(SharedKey key) {
    return new TwilioPhone(
        base,
        null,
        Objects.requireNonNull(key),
        accountSid,
        number,
        statusCallback,
        stepLimit,
        api);
  }

  /** Sends requests unsigned (to see the server refuse them). */
  public TwilioPhone unsigned() {
    return new TwilioPhone(base, null, null, accountSid, number, statusCallback, stepLimit, api);
  }

  /** The {@code AccountSid} of every request. */
  public TwilioPhone accountSid(String sid) {
    return new TwilioPhone(base, authToken, sharedKey, sid, number, statusCallback, stepLimit, api);
  }

  /** The Twilio number that is called and texted ({@code To}, {@code Called}). */
  public TwilioPhone number(String twilioNumber) {
    return new TwilioPhone(
        base, authToken, sharedKey, accountSid, twilioNumber, statusCallback, stepLimit, api);
  }

  /** Where calls post their status callback when they end ({@code null}: nowhere). */
  public TwilioPhone statusCallback(String path) {
    return new TwilioPhone(base, authToken, sharedKey, accountSid, number, path, stepLimit, api);
  }

  /** Requests the server may cause between two acts of the caller before the call is stopped. */
  public TwilioPhone stepLimit(int requests) {
    return new TwilioPhone(
        base, authToken, sharedKey, accountSid, number, statusCallback, requests, api);
  }

  /** Receives texts and calls through {@code fake}, the REST API the server sends through. */
  public TwilioPhone api(FakeTwilio fake) {
    return new TwilioPhone(
        base, authToken, sharedKey, accountSid, number, statusCallback, stepLimit, fake);
  }

  /** The phone of the person with number {@code from}, who calls and texts. */
  public Caller from(String from) {
    return new Caller(this, from);
  }

  // for Caller and PhoneCall
  URI resolve(String path) {
    if (path.startsWith("http://") || path.startsWith("https://")) {
      return URI.create(path);
    }
    return base.resolve(path.startsWith("/") ? path.substring(1) : path);
  }

  Webhooks webhooks() {
    return sharedKey != null ? new Webhooks(sharedKey) : new Webhooks(authToken);
  }

  String accountSid() {
    return accountSid;
  }

  String number() {
    return number;
  }

  URI statusCallbackUrl() {
    return statusCallback == null ? null : resolve(statusCallback);
  }

  int stepLimit() {
    return stepLimit;
  }

  FakeTwilio api() {
    if (api == null) {
      throw new IllegalStateException(
          "no fake REST API: give the phone one with api(FakeTwilio) and point the server's"
              + " twilio.api-url at it");
    }
    return api;
  }
}
