package io.picolabs.twilio.numbers;

import io.picolabs.twilio.rest.MissingCredentials;
import io.picolabs.twilio.rest.OutcomeUnknown;
import io.picolabs.twilio.rest.TwilioError;
import io.picolabs.twilio.rest.TwilioUnreachable;
import io.picolabs.twilio.webhook.EventsTokenRequired;
import io.picolabs.twilio.webhook.TwilioEndpoint;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.function.Supplier;

/**
 * The configured numbers against this server: {@code GET /numbers} compares, {@code POST
 * /numbers/{number}/wire} points a number at this server, {@code POST /numbers/{number}/unwire}
 * puts back what it had (the number as it is, {@code +1…}, or percent-encoded, {@code %2B1…}).
 * Guarded by the events token, like the event channel. Errors are one line of plain text: 404 a
 * number not configured or not in the account, 409 no public URL or nothing to restore (or no
 * credentials), 502 Twilio refused or could not be reached (with Twilio's code and message).
 */
@Path("numbers")
@RequestScoped
@EventsTokenRequired
@TwilioEndpoint
public class NumbersResource {

  @Inject Numbers numbers;

  /** Every configured number, each field at Twilio against the expected one. */
  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Response all() {
    return answer(() -> NumbersJson.list(numbers.publicUrl(), numbers.states()));
  }

  /** Points {@code number}'s webhooks at this server, remembering the previous ones. */
  @POST
  @Path("{number}/wire")
  @Produces(MediaType.APPLICATION_JSON)
  public Response wire(@PathParam("number") String number) {
    return answer(() -> NumbersJson.number(numbers.wire(number)));
  }

  /** Restores {@code number}'s webhooks from before its wiring, and forgets them. */
  @POST
  @Path("{number}/unwire")
  @Produces(MediaType.APPLICATION_JSON)
  public Response unwire(@PathParam("number") String number) {
    return answer(() -> NumbersJson.number(numbers.unwire(number)));
  }

  private static Response answer(Supplier<JsonObject> json) {
    try {
      return Response.ok(json.get().toString(), MediaType.APPLICATION_JSON_TYPE).build();
    } catch (WiringRefused e) {
      return plain(
          switch (e.reason()) {
            case NOT_CONFIGURED, NOT_IN_ACCOUNT -> Response.Status.NOT_FOUND;
            case NO_PUBLIC_URL, NOTHING_REMEMBERED -> Response.Status.CONFLICT;
          },
          e.getMessage());
    } catch (MissingCredentials e) {
      return plain(Response.Status.CONFLICT, e.getMessage());
    } catch (TwilioError | TwilioUnreachable | OutcomeUnknown e) {
      return plain(Response.Status.BAD_GATEWAY, e.getMessage());
    }
  }

  /** One line of plain text, as every error of this server. */
  private static Response plain(Response.Status status, String message) {
    return Response.status(status)
        .type(MediaType.TEXT_PLAIN_TYPE)
        .entity(message.replaceAll("\\s+", " ").strip() + "\n")
        .build();
  }
}
