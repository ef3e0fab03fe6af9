package io.picolabs.twilio.security;

import com.twilio.security.RequestValidator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Checking a webhook's signature: ours against twilio-java's RequestValidator.validate, on the same
 * request URL and 25 parameters, in the three cases that cost differently.
 *
 * <p>The SDK always signs both spellings of the URL (with and without the default port) before it
 * compares. Ours signs the URL as the server sees it and signs the other spelling only when that
 * does not match. So:
 *
 * <ul>
 *   <li>{@code asSeen}: Twilio signed the URL the server sees; ours signs once, the SDK twice.
 *   <li>{@code otherSpelling}: Twilio signed it with {@code :443}, the server sees it without (a
 *       public URL configured without its port); both sign twice.
 *   <li>{@code wrongSignature}: a well-formed signature made with another token; both sign twice
 *       and reject.
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SignatureBenchmark {
  static final String TOKEN = "benchmark-auth-token";

  // Fields, not constants, so that nothing about the inputs is known to the compiler.
  private String url = "https://voice.example.com/twilio/inbound_call";
  private String token = TOKEN;
  private final Map<String, String> single = new LinkedHashMap<>();
  private final Map<String, List<String>> multi = new LinkedHashMap<>();
  private final RequestValidator validator = new RequestValidator(TOKEN);
  private String signedAsSeen;
  private String signedWithPort;
  private String signedWrongly;

  @Setup
  public void setUp() {
    String[][] params = {
      {"AccountSid", "AC0123456789abcdef0123456789abcdef"},
      {"ApiVersion", "2010-04-01"},
      {"CallSid", "CA0123456789abcdef0123456789abcdef"},
      {"CallStatus", "ringing"},
      {"Called", "+18019917544"},
      {"CalledCity", "MIDVALE"},
      {"CalledCountry", "US"},
      {"CalledState", "UT"},
      {"CalledZip", "84058"},
      {"Caller", "+18019919911"},
      {"CallerCity", "OGDEN"},
      {"CallerCountry", "US"},
      {"CallerState", "UT"},
      {"CallerZip", "84058"},
      {"Direction", "inbound"},
      {"From", "+18019919911"},
      {"FromCity", "OGDEN"},
      {"FromCountry", "US"},
      {"FromState", "UT"},
      {"FromZip", "84754"},
      {"To", "+18019917544"},
      {"ToCity", "OGDEN"},
      {"ToCountry", "US"},
      {"ToState", "UT"},
      {"ToZip", "84754"}
    };
    for (String[] param : params) {
      single.put(param[0], param[1]);
      multi.put(param[0], List.of(param[1]));
    }
    String withPort = "https://voice.example.com:443/twilio/inbound_call";
    if (!withPort.equals(SignedUrls.otherSpelling(url))) {
      throw new IllegalStateException("the other spelling is not " + withPort);
    }
    signedAsSeen = TwilioSignature.compute(TOKEN, url, multi);
    signedWithPort = TwilioSignature.compute(TOKEN, withPort, multi);
    signedWrongly = TwilioSignature.compute("another-auth-token", url, multi);
    // Each case times what it claims only if both validators give the same, expected answer.
    agree("asSeen", signedAsSeen, true);
    agree("otherSpelling", signedWithPort, true);
    agree("wrongSignature", signedWrongly, false);
  }

  private void agree(String name, String signature, boolean expected) {
    boolean ours = TwilioSignature.verify(token, url, multi, signature);
    boolean sdk = validator.validate(url, single, signature);
    if (ours != expected || sdk != expected) {
      throw new IllegalStateException(
          name + ": expected " + expected + ", ours said " + ours + ", the SDK " + sdk);
    }
  }

  @Benchmark
  public boolean asSeenOurs() {
    return TwilioSignature.verify(token, url, multi, signedAsSeen);
  }

  @Benchmark
  public boolean asSeenSdk() {
    return validator.validate(url, single, signedAsSeen);
  }

  @Benchmark
  public boolean otherSpellingOurs() {
    return TwilioSignature.verify(token, url, multi, signedWithPort);
  }

  @Benchmark
  public boolean otherSpellingSdk() {
    return validator.validate(url, single, signedWithPort);
  }

  @Benchmark
  public boolean wrongSignatureOurs() {
    return TwilioSignature.verify(token, url, multi, signedWrongly);
  }

  @Benchmark
  public boolean wrongSignatureSdk() {
    return validator.validate(url, single, signedWrongly);
  }
}
