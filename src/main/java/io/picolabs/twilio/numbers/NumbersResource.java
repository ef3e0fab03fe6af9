package io.picolabs.twilio.numbers;

import io.picolabs.twilio.http.ErrorAnswers;
import io.picolabs.twilio.http.EventsTokenRequired;
import io.picolabs.twilio.http.OpenApiDocs;
import io.picolabs.twilio.http.TwilioEndpoint;
import io.picolabs.twilio.rest.MissingCredentials;
import io.picolabs.twilio.rest.OutcomeUnknown;
import io.picolabs.twilio.rest.TwilioError;
import io.picolabs.twilio.rest.TwilioUnreachable;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

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
@Tag(
    name = "Numbers",
    description = "The configured numbers' webhooks at Twilio against this server")
@SecurityRequirement(name = OpenApiDocs.EVENTS_TOKEN)
@APIResponse(
    responseCode = "401",
    description = OpenApiDocs.NO_TOKEN,
    content = @Content(mediaType = OpenApiDocs.TEXT))
@APIResponse(
    responseCode = "403",
    description = OpenApiDocs.WRONG_TOKEN,
    content = @Content(mediaType = OpenApiDocs.TEXT))
@APIResponse(
    responseCode = "409",
    description =
        "No `twilio.webhook.public-url` (nothing to compare with or wire to), no credentials for"
            + " Twilio's API, or (unwire) nothing remembered to restore.",
    content = @Content(mediaType = OpenApiDocs.TEXT))
@APIResponse(
    responseCode = "502",
    description = "Twilio refused (its code and message) or could not be reached.",
    content = @Content(mediaType = OpenApiDocs.TEXT))
public class NumbersResource {
  private static final String NUMBER_EXAMPLE =
      "{\"number\":\"+18015550100\",\"sid\":\"PN0123456789abcdef0123456789abcdef\",\"found\":true,"
          + "\"wired\":false,\"fields\":{\"voice_url\":{\"current\":\"https://old.example.com/voice\","
          + "\"expected\":\"https://voice.example.com/twilio/inbound_call\",\"same\":false}},"
          + "\"remembered\":false}";
  private static final String NUMBER_PARAMETER =
      "The number as configured, `+1…` or percent-encoded `%2B1…`";
  private static final String NOT_FOUND =
      "A number not in `twilio.numbers`, or not in the account.";

  @Inject Numbers numbers;

  /** Every configured number, each field at Twilio against the expected one. */
  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Every configured number against this server",
      description =
          "For each number of `twilio.numbers`: its SID at Twilio, and for each of `voice_url`,"
              + " `voice_method`, `sms_url`, `sms_method`, `status_callback` and"
              + " `status_callback_method` the current and the expected value; whether it is"
              + " `wired`, and whether a previous wiring is `remembered` (then `previous`).")
  @APIResponse(
      responseCode = "200",
      description = "The numbers",
      content =
          @Content(
              mediaType = OpenApiDocs.JSON,
              example =
                  "{\"public_url\":\"https://voice.example.com\",\"numbers\":["
                      + NUMBER_EXAMPLE
                      + "]}"))
  public Response all() {
    return answer(() -> NumbersJson.list(numbers.publicUrl(), numbers.states()));
  }

  /** Points {@code number}'s webhooks at this server, remembering the previous ones. */
  @POST
  @Path("{number}/wire")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Point a number's webhooks at this server",
      description =
          "Sets the voice URL (`twilio.numbers.voice-event`), the messaging URL"
              + " (`twilio.numbers.messaging-event`) and the status callback to this server's public"
              + " URL, remembering the previous values for unwire.")
  @APIResponse(
      responseCode = "200",
      description = "The number as now wired",
      content = @Content(mediaType = OpenApiDocs.JSON, example = NUMBER_EXAMPLE))
  @APIResponse(
      responseCode = "404",
      description = NOT_FOUND,
      content = @Content(mediaType = OpenApiDocs.TEXT))
  public Response wire(
      @Parameter(in = ParameterIn.PATH, description = NUMBER_PARAMETER, example = "+18015550100")
          @PathParam("number")
          String number) {
    return answer(() -> NumbersJson.number(numbers.wire(number)));
  }

  /** Restores {@code number}'s webhooks from before its wiring, and forgets them. */
  @POST
  @Path("{number}/unwire")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Restore a number's webhooks from before its wiring",
      description = "Puts back the values remembered by wire, and forgets them.")
  @APIResponse(
      responseCode = "200",
      description = "The number as restored",
      content = @Content(mediaType = OpenApiDocs.JSON, example = NUMBER_EXAMPLE))
  @APIResponse(
      responseCode = "404",
      description = NOT_FOUND,
      content = @Content(mediaType = OpenApiDocs.TEXT))
  public Response unwire(
      @Parameter(in = ParameterIn.PATH, description = NUMBER_PARAMETER, example = "+18015550100")
          @PathParam("number")
          String number) {
    return answer(() -> NumbersJson.number(numbers.unwire(number)));
  }

  private static Response answer(Supplier<JsonObject> json) {
    try {
      return Response.ok(json.get().toString(), MediaType.APPLICATION_JSON_TYPE).build();
    } catch (WiringRefused e) {
      return ErrorAnswers.plain(
          switch (e.reason()) {
            case NOT_CONFIGURED, NOT_IN_ACCOUNT -> Response.Status.NOT_FOUND;
            case NO_PUBLIC_URL, NOTHING_REMEMBERED -> Response.Status.CONFLICT;
          },
          e.getMessage());
    } catch (MissingCredentials e) {
      return ErrorAnswers.plain(Response.Status.CONFLICT, e.getMessage());
    } catch (TwilioError | TwilioUnreachable | OutcomeUnknown e) {
      return ErrorAnswers.plain(Response.Status.BAD_GATEWAY, e.getMessage());
    }
  }
}
