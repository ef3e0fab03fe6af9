package io.picolabs.twilio.twiml;

import com.twilio.twiml.MessagingResponse;
import com.twilio.twiml.VoiceResponse;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** Building and writing typical responses: ours against twilio-java's builders and toXml(). */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class TwimlBenchmark {

  @Benchmark
  public String greetingOurs() {
    Response response = new Response();
    response.children().add(new Say("Hello Monkey"));
    Gather gather = new Gather().action("/twilio/monkey_handle").numDigits(1);
    gather.children().add(new Say("What is your favorite number?"));
    response.children().add(gather);
    return TwimlWriter.write(response);
  }

  @Benchmark
  public String greetingSdk() {
    return new VoiceResponse.Builder()
        .say(new com.twilio.twiml.voice.Say.Builder("Hello Monkey").build())
        .gather(
            new com.twilio.twiml.voice.Gather.Builder()
                .action("/twilio/monkey_handle")
                .numDigits(1)
                .say(
                    new com.twilio.twiml.voice.Say.Builder("What is your favorite number?").build())
                .build())
        .build()
        .toXml();
  }

  @Benchmark
  public String dialThreeOurs() {
    Response response = new Response();
    Dial dial = new Dial().callerId("+18005551212").timeout(20);
    dial.children().add(new Number("+18015552311"));
    dial.children().add(new Number("+18029875634"));
    dial.children().add(new Number("+18019919911").sendDigits("ww12"));
    response.children().add(dial);
    return TwimlWriter.write(response);
  }

  @Benchmark
  public String dialThreeSdk() {
    return new VoiceResponse.Builder()
        .dial(
            new com.twilio.twiml.voice.Dial.Builder()
                .callerId("+18005551212")
                .timeout(20)
                .number(new com.twilio.twiml.voice.Number.Builder("+18015552311").build())
                .number(new com.twilio.twiml.voice.Number.Builder("+18029875634").build())
                .number(
                    new com.twilio.twiml.voice.Number.Builder("+18019919911")
                        .sendDigits("ww12")
                        .build())
                .build())
        .build()
        .toXml();
  }

  @Benchmark
  public String messageWithMediaOurs() {
    Response response = new Response();
    response
        .children()
        .add(new Message("Here is the monkey").media("https://example.com/monkey.jpg"));
    return TwimlWriter.write(response);
  }

  @Benchmark
  public String messageWithMediaSdk() {
    return new MessagingResponse.Builder()
        .message(
            new com.twilio.twiml.messaging.Message.Builder()
                .body(new com.twilio.twiml.messaging.Body.Builder("Here is the monkey").build())
                .media(
                    new com.twilio.twiml.messaging.Media.Builder("https://example.com/monkey.jpg")
                        .build())
                .build())
        .build()
        .toXml();
  }
}
