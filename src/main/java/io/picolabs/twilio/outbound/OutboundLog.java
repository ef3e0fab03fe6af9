package io.picolabs.twilio.outbound;

import io.picolabs.twilio.http.ErrorAnswers;
import io.picolabs.twilio.http.EventsTokenRequired;
import io.picolabs.twilio.http.OpenApiDocs;
import io.picolabs.twilio.http.TwilioEndpoint;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The outbound log: {@code GET /messages} and {@code GET /calls}, newest first, a page at a time
 * ({@code ?page=1&size=50}, at most 500), each message or call with its outbox state, Twilio's SID,
 * status and error, and the statuses Twilio reported. Guarded by the events token.
 */
@Path("{kind: messages|calls}")
@RequestScoped
@TwilioEndpoint
@EventsTokenRequired
@Tag(name = "Outbound log", description = "The messages and calls this server sent")
@SecurityRequirement(name = OpenApiDocs.EVENTS_TOKEN)
public class OutboundLog {
  static final int MAX_SIZE = 500;

  @Inject OutboxStore store;

  @Operation(
      summary = "The outbound log: `/messages` or `/calls`",
      description =
          "The messages (`GET /messages`) or calls (`GET /calls`) this server sent, newest first, a"
              + " page at a time: each with its outbox state, Twilio's SID, status and error, and"
              + " the history of the statuses Twilio reported.")
  @Parameter(
      name = "kind",
      in = ParameterIn.PATH,
      required = true,
      description = "`messages` or `calls`",
      schema =
          @Schema(
              type = SchemaType.STRING,
              enumeration = {"messages", "calls"}))
  @Parameter(
      name = "page",
      in = ParameterIn.QUERY,
      description = "The page, from 1",
      schema = @Schema(type = SchemaType.INTEGER, minimum = "1", defaultValue = "1"))
  @Parameter(
      name = "size",
      in = ParameterIn.QUERY,
      description = "Entries per page, at most " + MAX_SIZE,
      schema =
          @Schema(
              type = SchemaType.INTEGER,
              minimum = "1",
              maximum = "" + MAX_SIZE,
              defaultValue = "50"))
  @APIResponse(
      responseCode = "200",
      description = "A page of the log",
      content =
          @Content(
              mediaType = OpenApiDocs.JSON,
              schema = @Schema(implementation = OpenApiDocs.LogPage.class)))
  @APIResponse(
      responseCode = "400",
      description = "A page or size that is not a whole number, or out of range",
      content = @Content(mediaType = OpenApiDocs.TEXT))
  @APIResponse(
      responseCode = "401",
      description = OpenApiDocs.NO_TOKEN,
      content = @Content(mediaType = OpenApiDocs.TEXT))
  @APIResponse(
      responseCode = "403",
      description = OpenApiDocs.WRONG_TOKEN,
      content = @Content(mediaType = OpenApiDocs.TEXT))
  @APIResponse(
      responseCode = "405",
      description = OpenApiDocs.NOT_ALLOWED,
      content = @Content(mediaType = OpenApiDocs.TEXT))
  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Response page(
      @PathParam("kind") String kind,
      @QueryParam("page") @DefaultValue("1") String pageParam,
      @QueryParam("size") @DefaultValue("50") String sizeParam) {
    int page;
    int size;
    try {
      page = Integer.parseInt(pageParam);
      size = Integer.parseInt(sizeParam);
    } catch (NumberFormatException e) {
      return ErrorAnswers.plain(Response.Status.BAD_REQUEST, "page and size are whole numbers");
    }
    if (page < 1 || size < 1 || size > MAX_SIZE) {
      return ErrorAnswers.plain(
          Response.Status.BAD_REQUEST, "page is 1 or more, size between 1 and " + MAX_SIZE);
    }
    String entries = kind.equals("calls") ? OutboxStore.CALL : OutboxStore.SMS;
    // one more than the page, to tell whether a next page exists
    List<LogEntry> found = store.log(entries, (page - 1) * size, size + 1);
    JsonArrayBuilder items = Json.createArrayBuilder();
    found.stream().limit(size).forEach(entry -> items.add(json(entry)));
    JsonObjectBuilder answer =
        Json.createObjectBuilder().add(kind, items).add("page", page).add("size", size);
    if (found.size() > size) {
      answer.add("next", "/" + kind + "?page=" + (page + 1) + "&size=" + size);
    }
    return Response.ok(answer.build().toString()).build();
  }

  private static JsonObjectBuilder json(LogEntry entry) {
    JsonObjectBuilder json =
        Json.createObjectBuilder()
            .add("id", entry.id())
            .add("to", entry.to())
            .add("account", entry.account() == null ? "default" : entry.account())
            .add("state", entry.state())
            .add("attempts", entry.attempts())
            .add("created", Instant.ofEpochMilli(entry.createdMillis()).toString())
            .add("updated", Instant.ofEpochMilli(entry.updatedMillis()).toString());
    optional(json, "from", entry.from());
    optional(json, "sid", entry.sid());
    optional(json, "status", entry.status());
    if (entry.errorCode() != null) {
      json.add("error_code", entry.errorCode());
    }
    optional(json, "error_message", entry.errorMessage());
    optional(json, "reason", entry.reason());
    JsonArrayBuilder history = Json.createArrayBuilder();
    for (LogEntry.Status status : entry.history()) {
      JsonObjectBuilder item =
          Json.createObjectBuilder()
              .add("status", status.status())
              .add("at", Instant.ofEpochMilli(status.atMillis()).toString())
              .add("forward", status.forward());
      if (status.errorCode() != null) {
        item.add("error_code", status.errorCode());
      }
      history.add(item);
    }
    return json.add("history", history);
  }

  private static void optional(JsonObjectBuilder json, String name, String value) {
    if (value != null) {
      json.add(name, value);
    }
  }
}
