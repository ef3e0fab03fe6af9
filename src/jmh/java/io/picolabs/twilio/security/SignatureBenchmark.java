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

/** Checking a webhook's signature: ours against twilio-java's RequestValidator.validate. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SignatureBenchmark {
  static final String TOKEN = "benchmark-auth-token";
  static final String URL = "https://voice.example.com/twilio/inbound_call";

  private final Map<String, String> single = new LinkedHashMap<>();
  private final Map<String, List<String>> multi = new LinkedHashMap<>();
  private final RequestValidator validator = new RequestValidator(TOKEN);
  private String signature;

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
    signature = TwilioSignature.compute(TOKEN, URL, multi);
    if (!validator.validate(URL, single, signature)
        || !TwilioSignature.verify(TOKEN, URL, multi, signature)) {
      throw new IllegalStateException("the two validators disagree");
    }
  }

  @Benchmark
  public boolean ours() {
    return TwilioSignature.verify(TOKEN, URL, multi, signature);
  }

  @Benchmark
  public boolean sdk() {
    return validator.validate(URL, single, signature);
  }
}
