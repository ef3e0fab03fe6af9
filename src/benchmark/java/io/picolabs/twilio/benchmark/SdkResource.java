package io.picolabs.twilio.benchmark;

import com.twilio.security.RequestValidator;
import com.twilio.twiml.TwiMLException;
import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Gather;
import com.twilio.twiml.voice.Say;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Hello Monkey greeting written the usual way with the official SDK (twilio-java): a plain
 * JAX-RS resource that checks the signature with {@link RequestValidator} and builds the answer
 * with the TwiML builders and {@code toXml()}. scripts/benchmark compares our webhook with it, on
 * the same server, in the same run: the answer is the same document, byte for byte.
 */
@Path("sdk/inbound_call")
public class SdkResource {
  private static final RequestValidator VALIDATOR =
      new RequestValidator(System.getenv("TWILIO_AUTH_TOKEN"));

  @Context HttpServletRequest request;

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.APPLICATION_XML)
  public Response answer(
      MultivaluedMap<String, String> form, @HeaderParam("X-Twilio-Signature") String signature)
      throws TwiMLException {
    Map<String, String> params = new HashMap<>();
    for (Map.Entry<String, List<String>> param : form.entrySet()) {
      params.put(param.getKey(), param.getValue().get(0));
    }
    String query = request.getQueryString();
    String url = request.getRequestURL() + (query == null ? "" : "?" + query);
    if (signature == null || !VALIDATOR.validate(url, params, signature)) {
      return Response.status(Response.Status.FORBIDDEN).build();
    }
    VoiceResponse twiml =
        new VoiceResponse.Builder()
            .say(new Say.Builder("Hello Monkey").build())
            .gather(
                new Gather.Builder()
                    .action("/twilio/monkey_handle")
                    .numDigits(1)
                    .say(new Say.Builder("What is your favorite number?").build())
                    .build())
            .build();
    return Response.ok(twiml.toXml()).build();
  }
}
