package io.picolabs.twilio.console;

import io.picolabs.twilio.config.EventsConfig;
import io.picolabs.twilio.testkit.Caller;
import io.picolabs.twilio.testkit.RingingCall;
import io.picolabs.twilio.testkit.TextReply;
import io.picolabs.twilio.testkit.TwilioPhone;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonStructure;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the console's page asks of the server, as JSON, behind the console login:
 *
 * <ul>
 *   <li>{@code POST calls} (from, event): calls {@code /twilio/<event>} from {@code from};
 *   <li>{@code POST calls/<sid>/<act>}: {@code press} (digits), {@code speak} (speech), {@code
 *       silence}, {@code dial} (outcome, seconds), {@code record} (seconds), {@code bridge}, {@code
 *       hangup}; {@code GET calls/<sid>}: the call as it is; {@code GET calls/<sid>/replying}: what
 *       its relay session has streamed so far of the reply a {@code speak} waits for;
 *   <li>{@code POST texts} (from, event, body): texts {@code /twilio/<event>}; {@code GET
 *       texts?number=}: that phone's thread and the calls ringing it (placed by rules through the
 *       fake REST API); {@code POST incoming/<sid>/answer}: answers one;
 *   <li>{@code GET vars?number=}: the caller's entity variables, from the server's own {@code
 *       /entities} endpoint with the events token.
 * </ul>
 *
 * Every answer about a call is the whole call ({@link CallJson}); a wrong act is 409 with a message
 * saying what the call waits for.
 *
 * <p>A request that acts is done only when it comes from the console's own page ({@link
 * ConsoleGuard}: same origin and the page's token), else refused with 403 before anything is read
 * or done: the login alone is no protection, since the browser sends its cached credentials with
 * the requests of any site. The server calls itself where {@link SelfUrls} says, never at the
 * request's {@code Host}.
 */
@WebServlet("/console/api/*")
@ServletSecurity(@HttpConstraint(rolesAllowed = ConsoleLogin.ROLE))
public class ConsoleApi extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(ConsoleApi.class.getName());
  private static final Pattern ACT = Pattern.compile("/calls/([A-Za-z0-9]+)/([a-z]+)");
  private static final Pattern CALL = Pattern.compile("/calls/([A-Za-z0-9]+)");
  private static final Pattern ANSWER = Pattern.compile("/incoming/([A-Za-z0-9]+)/answer");
  private static final Pattern EVENT_TYPE = Pattern.compile("[A-Za-z0-9_-]{1,64}");
  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  @Inject transient ConsoleSwitch console;
  @Inject transient DevTwilio twilio;
  @Inject transient ConsoleCalls calls;
  @Inject transient TextThread thread;
  @Inject transient EventsConfig events;
  @Inject transient ConsoleGuard guard;
  @Inject transient SelfUrls self;

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    if (!console.enabled()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    if (ConsoleGuard.acts(request)) {
      Optional<String> refused = guard.refusal(request); // headers only: the body is not read yet
      if (refused.isPresent()) {
        refuse(response, HttpServletResponse.SC_FORBIDDEN, refused.get());
        return;
      }
    } else {
      // the page polls: its session (and so its token) lives for as long as the page is open
      request.getSession(false);
    }
    super.service(request, response);
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    answer(response, () -> post(request));
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    answer(response, () -> get(request));
  }

  private JsonStructure post(HttpServletRequest request) {
    String path = Optional.ofNullable(request.getPathInfo()).orElse("");
    TwilioPhone phone = twilio.phone(self.webhooks(request));
    if (path.equals("/calls")) {
      Caller caller = phone.from(required(request, "from"));
      return calls.keep(caller.call("twilio/" + eventType(request, "inbound_call")));
    }
    if (path.equals("/texts")) {
      String from = required(request, "from");
      TextReply reply =
          phone
              .from(from)
              .text("twilio/" + eventType(request, "inbound_sms"), required(request, "body"));
      thread.exchanged(from, request.getParameter("body"), reply.texts());
      return Json.createObjectBuilder().add("replies", reply.texts().size()).build();
    }
    Matcher act = ACT.matcher(path);
    if (act.matches()) {
      Map<String, String> values = new HashMap<>();
      request.getParameterMap().forEach((name, given) -> values.put(name, given[0]));
      return calls.act(act.group(1), act.group(2), values);
    }
    Matcher answer = ANSWER.matcher(path);
    if (answer.matches()) {
      RingingCall ringing =
          twilio.api().calls().stream()
              .filter(call -> call.sid().equals(answer.group(1)))
              .findFirst()
              .orElseThrow(() -> new NoSuchElementException("no call " + answer.group(1)));
      JsonStructure answered = calls.keep(phone.from(ringing.to()).answer(ringing));
      // the fake learns it was answered (and tells the server, if the call asked for that event)
      twilio.api().callStatus(ringing.sid(), "in-progress", 0);
      return answered;
    }
    throw new NoSuchElementException("no such console request: POST " + path);
  }

  private JsonStructure get(HttpServletRequest request) {
    String path = Optional.ofNullable(request.getPathInfo()).orElse("");
    Matcher call = CALL.matcher(path);
    if (call.matches()) {
      return calls.get(call.group(1));
    }
    Matcher replying = ACT.matcher(path);
    if (replying.matches() && replying.group(2).equals("replying")) {
      return calls.replying(replying.group(1));
    }
    if (path.equals("/texts")) {
      String number = required(request, "number");
      JsonArrayBuilder ringing = Json.createArrayBuilder();
      for (RingingCall placed : twilio.api().callsTo(number)) {
        if (placed.status().equals("queued")) {
          ringing.add(
              Json.createObjectBuilder().add("sid", placed.sid()).add("from", placed.from()));
        }
      }
      return Json.createObjectBuilder()
          .add("texts", thread.of(number, twilio.api().textsTo(number)))
          .add("ringing", ringing)
          .build();
    }
    if (path.equals("/vars")) {
      // this server's own socket, whatever the request's Host says: the events token stays here
      return variables(self.server(request), required(request, "number"));
    }
    throw new NoSuchElementException("no such console request: GET " + path);
  }

  /** The caller's entity variables, read as any client would: over HTTP with the events token. */
  private JsonStructure variables(URI base, String number) {
    String token =
        events
            .token()
            .orElseThrow(
                () -> new IllegalStateException("events.token is not set: variables not shown"));
    URI url =
        base.resolve("entities/" + URLEncoder.encode(number, StandardCharsets.UTF_8) + "/vars");
    HttpResponse<String> vars;
    try {
      vars =
          CLIENT.send(
              HttpRequest.newBuilder(url)
                  .timeout(Duration.ofSeconds(10))
                  .header("Authorization", "Bearer " + token)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    if (vars.statusCode() == 404) {
      return Json.createObjectBuilder().build(); // no variables yet
    }
    if (vars.statusCode() != 200) {
      throw new IllegalStateException("the variables answered " + vars.statusCode());
    }
    return Json.createReader(new java.io.StringReader(vars.body())).read();
  }

  private static String required(HttpServletRequest request, String name) {
    String value = request.getParameter(name);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " is required");
    }
    return value.trim();
  }

  private static String eventType(HttpServletRequest request, String fallback) {
    String type = Optional.ofNullable(request.getParameter("event")).orElse(fallback).trim();
    if (!EVENT_TYPE.matcher(type).matches()) {
      throw new IllegalArgumentException(
          "an event type is 1 to 64 letters, digits, '_' or '-': " + type);
    }
    return type;
  }

  private interface Work {
    JsonStructure run();
  }

  /**
   * The work's JSON, or a short error: 400 bad input, 404 unknown, 409 wrong act, 502 unreachable.
   */
  private static void answer(HttpServletResponse response, Work work) throws IOException {
    JsonStructure json;
    try {
      json = work.run();
    } catch (IllegalArgumentException e) {
      refuse(response, HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
      return;
    } catch (NoSuchElementException e) {
      refuse(response, HttpServletResponse.SC_NOT_FOUND, e.getMessage());
      return;
    } catch (IllegalStateException e) {
      refuse(response, HttpServletResponse.SC_CONFLICT, e.getMessage());
      return;
    } catch (UncheckedIOException e) {
      LOG.log(Level.WARNING, "the console could not reach the server: " + e, e);
      refuse(response, HttpServletResponse.SC_BAD_GATEWAY, e.getMessage());
      return;
    }
    response.setContentType("application/json;charset=UTF-8");
    response.setHeader("Cache-Control", "no-store");
    Json.createWriter(response.getOutputStream()).write(json);
  }

  private static void refuse(HttpServletResponse response, int status, String message)
      throws IOException {
    response.setStatus(status);
    response.setContentType("text/plain;charset=UTF-8");
    response.getWriter().write(message);
  }
}
