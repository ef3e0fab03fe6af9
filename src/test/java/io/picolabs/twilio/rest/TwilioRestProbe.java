package io.picolabs.twilio.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Test-only: calls {@link TwilioRest}'s single attempts and lists inside the server, and says what
 * they returned or threw as plain text, so that {@link TwilioRestIT} can assert the exact outcome.
 * Parameters come in the query even for a POST: the WAR's body filter has read the body already.
 */
@ApplicationScoped
@Path("/rest-probe")
@Produces(MediaType.TEXT_PLAIN)
public class TwilioRestProbe {

  @Inject TwilioRest rest;

  @POST
  @Path("/sms-once")
  public String smsOnce(
      @QueryParam("account") String account,
      @QueryParam("to") String to,
      @QueryParam("from") String from,
      @QueryParam("body") String body) {
    return outcome(
        () ->
            describe(
                rest.sendSmsOnce(account, new OutgoingSms(to, from, null, body, List.of(), null))));
  }

  @POST
  @Path("/call-once")
  public String callOnce(
      @QueryParam("account") String account,
      @QueryParam("to") String to,
      @QueryParam("from") String from,
      @QueryParam("url") String url) {
    return outcome(
        () ->
            describe(
                rest.placeCallOnce(
                    account, new OutgoingCall(to, from, url, null, List.of(), null, null))));
  }

  @GET
  @Path("/messages")
  public String messages(
      @QueryParam("account") String account,
      @QueryParam("to") String to,
      @QueryParam("from") String from,
      @QueryParam("pageSize") int pageSize) {
    return outcome(
        () -> lines(rest.recentMessages(account, to, from, pageSize), TwilioRestProbe::describe));
  }

  @GET
  @Path("/calls")
  public String calls(
      @QueryParam("account") String account,
      @QueryParam("to") String to,
      @QueryParam("from") String from,
      @QueryParam("pageSize") int pageSize) {
    return outcome(
        () -> lines(rest.recentCalls(account, to, from, pageSize), TwilioRestProbe::describe));
  }

  private static <T> String lines(List<T> items, java.util.function.Function<T, String> line) {
    return items.size()
        + " found"
        + items.stream().map(item -> "\n" + line.apply(item)).collect(Collectors.joining());
  }

  static String describe(SentMessage m) {
    return "message "
        + m.sid()
        + " "
        + m.status()
        + " to="
        + m.to()
        + " from="
        + m.from()
        + " body="
        + m.body()
        + " account="
        + m.accountSid()
        + " segments="
        + m.numSegments()
        + " created="
        + m.dateCreated();
  }

  static String describe(PlacedCall c) {
    return "call "
        + c.sid()
        + " "
        + c.status()
        + " to="
        + c.to()
        + " from="
        + c.from()
        + " direction="
        + c.direction()
        + " account="
        + c.accountSid()
        + " created="
        + c.dateCreated();
  }

  /** What {@code call} returned, or the exception it threw, with what a caller would read of it. */
  private static String outcome(Supplier<String> call) {
    try {
      return call.get();
    } catch (TwilioError e) {
      return "TwilioError code="
          + e.code()
          + " status="
          + e.status()
          + " retryable="
          + e.isRetryable()
          + " retryAfter="
          + e.retryAfter()
          + ": "
          + e.getMessage();
    } catch (OutcomeUnknown e) {
      return "OutcomeUnknown reason=" + e.reason() + ": " + e.getMessage();
    } catch (RuntimeException e) {
      return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
  }
}
