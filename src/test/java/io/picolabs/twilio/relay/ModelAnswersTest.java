package io.picolabs.twilio.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import io.picolabs.twilio.event.CurrentEvent;
import io.picolabs.twilio.rules.RuleEvent;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The documented language-model rule against a scripted streaming model. */
class ModelAnswersTest {

  /** A model that answers with the given tokens, one every 20 ms, on a thread of its own. */
  static final class ScriptedModel implements StreamingChatModel {
    final List<String> tokens;
    final AtomicBoolean cancelled = new AtomicBoolean();
    final CountDownLatch stopped = new CountDownLatch(1);
    volatile String asked;

    ScriptedModel(String... tokens) {
      this.tokens = List.of(tokens);
    }

    @Override
    public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
      asked = ((dev.langchain4j.data.message.UserMessage) request.messages().get(0)).singleText();
      StreamingHandle handle =
          new StreamingHandle() {
            @Override
            public void cancel() {
              cancelled.set(true);
            }

            @Override
            public boolean isCancelled() {
              return cancelled.get();
            }
          };
      Thread thread =
          new Thread(
              () -> {
                try {
                  for (String token : tokens) {
                    if (cancelled.get()) {
                      return;
                    }
                    handler.onPartialResponse(
                        new PartialResponse(token), new PartialResponseContext(handle));
                    Thread.sleep(20);
                  }
                  handler.onCompleteResponse(
                      ChatResponse.builder()
                          .aiMessage(AiMessage.from(String.join("", tokens)))
                          .build());
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                } finally {
                  stopped.countDown();
                }
              });
      thread.setDaemon(true);
      thread.start();
    }
  }

  private static RelayReplies relayFor(RuleEvent event) {
    return new RelayReplies(CurrentEvent.of(event));
  }

  private static RuleEvent prompt(String said) {
    return new RuleEvent(
        "twilio", "agent_prompt", Map.of("relay", List.of("agent"), "voicePrompt", List.of(said)));
  }

  @Test
  void theModelsTokensGoToTheCallerAsTheyCome() throws Exception {
    ScriptedModel model = new ScriptedModel("We open ", "at nine", ".");
    ModelAnswers rule = new ModelAnswers();
    rule.model = model;
    RuleEvent event = prompt("When do you open?");
    RelayReplies relay = relayFor(event);
    rule.prompt(event, relay);
    List<String> sent = new CopyOnWriteArrayList<>();
    CountDownLatch done = new CountDownLatch(1);
    StreamedReply reply = (StreamedReply) relay.outgoing().get(0);
    reply.attach(sent::add, done::countDown);
    assertTrue(done.await(5, TimeUnit.SECONDS));
    assertEquals("When do you open?", model.asked);
    assertEquals(
        List.of(
            RelayReplies.textJson("We open ", false),
            RelayReplies.textJson("at nine", false),
            RelayReplies.textJson(".", false),
            RelayReplies.textJson("", true)),
        sent);
  }

  @Test
  void anInterruptStopsTheModel() throws Exception {
    ScriptedModel model = new ScriptedModel("one ", "two ", "three ", "four ", "five ", "six.");
    ModelAnswers rule = new ModelAnswers();
    rule.model = model;
    RuleEvent event = prompt("Count for me");
    RelayReplies relay = relayFor(event);
    rule.prompt(event, relay);
    List<String> sent = new CopyOnWriteArrayList<>();
    StreamedReply reply = (StreamedReply) relay.outgoing().get(0);
    reply.attach(
        json -> {
          sent.add(json);
          if (sent.size() == 2) {
            reply.cancel(); // the session's interrupt, from another thread in a real call
          }
        },
        () -> {});
    assertTrue(model.stopped.await(5, TimeUnit.SECONDS));
    assertTrue(model.cancelled.get(), "the model was told to stop");
    assertEquals(
        List.of(RelayReplies.textJson("one ", false), RelayReplies.textJson("two ", false)), sent);
  }
}
