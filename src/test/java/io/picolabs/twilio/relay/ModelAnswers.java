package io.picolabs.twilio.relay;

import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import io.picolabs.twilio.rules.Relay;
import io.picolabs.twilio.rules.RuleEvent;
import io.picolabs.twilio.rules.Select;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * The rule docs/rules.md shows: what the caller says goes to a LangChain4j streaming chat model,
 * and its tokens go to the caller as they come; an interrupt stops the model.
 */
@ApplicationScoped
public class ModelAnswers {
  @Inject StreamingChatModel model;

  void prompt(
      @Observes @Select(domain = "twilio", type = "agent_prompt") RuleEvent event, Relay relay) {
    Relay.RelayStream reply = relay.stream();
    model.chat(
        event.attr("voicePrompt"),
        new StreamingChatResponseHandler() {
          @Override
          public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
            if (!reply.token(partial.text())) {
              context.streamingHandle().cancel(); // the caller cut in
            }
          }

          @Override
          public void onCompleteResponse(ChatResponse response) {
            reply.finish("");
          }

          @Override
          public void onError(Throwable error) {
            reply.fail(error);
          }
        });
  }
}
