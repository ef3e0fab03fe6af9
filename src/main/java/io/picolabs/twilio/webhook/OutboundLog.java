package io.picolabs.twilio.webhook;

import io.picolabs.twilio.outbound.LogEntry;
import io.picolabs.twilio.outbound.OutboxStore;
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

/**
 * The outbound log: {@code GET /messages} and {@code GET /calls}, newest first, a page at a time
 * ({@code ?page=1&size=50}, at most 500), each message or call with its outbox state, Twilio's SID,
 * status and error, and the statuses Twilio reported. Guarded by the events token.
 */
@Path("{kind: messages|calls}")
@RequestScoped
@TwilioEndpoint
@EventsTokenRequired
public class OutboundLog {
  static final int MAX_SIZE = 500;

  @Inject OutboxStore store;

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
