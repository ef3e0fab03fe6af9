package io.picolabs.twilio.benchmark;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;

/**
 * The ceiling a webhook can approach on this server: read the form as JAX-RS does, answer a fixed
 * TwiML document, do nothing else. scripts/benchmark compares the real webhook with it.
 */
@Path("ceiling/inbound_call")
public class CeilingResource {
  static final String TWIML =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Say>Hello Monkey</Say>"
          + "<Gather action=\"/twilio/monkey_handle\" numDigits=\"1\"><Say>What is your favorite"
          + " number?</Say></Gather></Response>";

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.APPLICATION_XML)
  public String answer(MultivaluedMap<String, String> form) {
    return form.isEmpty() ? "" : TWIML;
  }
}
