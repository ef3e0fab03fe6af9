package io.picolabs.twilio.testkit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A development fake of Twilio's REST API (2010-04-01): it accepts the messages and calls a server
 * sends as Twilio would, delivers them to the simulated phone ({@link #awaitText}, {@link
 * #awaitCall}, {@link #onText}, {@link #onCall}), lists them back, and reports the messages'
 * progress to their {@code StatusCallback}, signed with the auth token.
 *
 * <p>The core ({@link #create}) knows nothing of HTTP transports: {@link #handle} takes a request's
 * parts and gives an {@link Answer}, so that a resource inside an application can serve it under a
 * path prefix. {@link #start} also serves it on loopback, for {@code twilio.api-url}.
 *
 * <p>What it serves, below {@code /2010-04-01/Accounts/{AccountSid}}: {@code POST Messages.json},
 * {@code POST Calls.json}, {@code GET Messages.json} and {@code GET Calls.json} (filters {@code
 * To}, {@code From}; {@code PageSize}, {@code Page}); and the numbers a test gave it ({@link
 * #number}): {@code GET IncomingPhoneNumbers.json} (filter {@code PhoneNumber}, a part of a number
 * where {@code *} is any digit, as Twilio's; {@code PageSize}, {@code Page}), {@code GET} and
 * {@code POST IncomingPhoneNumbers/{Sid}.json} (an update of the voice URL, the messaging URL, the
 * status callback and their methods; URLs and methods are not checked). A number belongs to every
 * account that asks. Every request needs HTTP Basic credentials whose password is the auth token;
 * any account SID is accepted as the user, but the path must name that same account, else 401 (a
 * request for another account's resources is refused like bad credentials). Anything else is 404,
 * Twilio error 20404.
 *
 * <p>Thread-safe: a server sends concurrently while a test waits.
 */
public final class FakeTwilio implements AutoCloseable {

  /**
   * The fake's answer to one request: the HTTP status, the {@code Content-Type} and the body (JSON,
   * Twilio's resource or error).
   *
   * @param status the HTTP status (201 created, 200 list, 400, 401, 404 …)
   * @param contentType the body's media type
   * @param body the JSON body
   */
  public record Answer(int status, String contentType, String body) {}

  /** The media type of every answer: Twilio's JSON is UTF-8. */
  public static final String JSON = "application/json; charset=utf-8";

  private static final Pattern ACCOUNT = Pattern.compile("/2010-04-01/Accounts/([^/]+)(/.*)?");
  private static final Pattern RESOURCE =
      Pattern.compile("/2010-04-01/Accounts/([^/]+)/(Messages|Calls)\\.json");
  private static final Pattern NUMBERS =
      Pattern.compile("/2010-04-01/Accounts/([^/]+)/IncomingPhoneNumbers\\.json");
  private static final Pattern NUMBER =
      Pattern.compile("/2010-04-01/Accounts/([^/]+)/IncomingPhoneNumbers/([^/]+)\\.json");
  private static final Pattern E164 = Pattern.compile("\\+[0-9]{1,15}");
  private static final int MAX_BODY = 1600;
  private static final int DEFAULT_PAGE_SIZE = 50;
  private static final int MAX_PAGE_SIZE = 1000;
  private static final List<String> TEXT_PROGRESS = List.of("queued", "sent", "delivered");

  private final String authToken;
  private final Inbox<SentText> texts = new Inbox<>("text", SentText::sid, SentText::to);
  private final Inbox<RingingCall> calls = new Inbox<>("call", RingingCall::sid, RingingCall::to);
  private final Inbox<TwilioNumber> numbers =
      new Inbox<>("number", TwilioNumber::sid, TwilioNumber::phoneNumber);
  private final Callbacks callbacks;
  private volatile Duration statusDelay = Duration.ofMillis(50);
  private volatile HttpFront front;

  private FakeTwilio(String authToken) {
    if (authToken == null || authToken.isEmpty()) {
      throw new IllegalArgumentException("the fake needs the auth token it checks and signs with");
    }
    this.authToken = authToken;
    this.callbacks = new Callbacks(authToken);
  }

  /** The fake without a server of its own: requests come through {@link #handle}. */
  public static FakeTwilio create(String authToken) {
    return new FakeTwilio(authToken);
  }

  /** The fake served on 127.0.0.1 at a free port ({@link #url}). */
  public static FakeTwilio start(String authToken) {
    return start(authToken, 0);
  }

  /** The fake served on 127.0.0.1 at {@code port} (0: a free one). */
  public static FakeTwilio start(String authToken, int port) {
    FakeTwilio fake = new FakeTwilio(authToken);
    fake.front = new HttpFront(fake, port);
    return fake;
  }

  /**
   * Where the fake listens, {@code http://127.0.0.1:<port>}: the value for {@code twilio.api-url}.
   *
   * @throws IllegalStateException if it was {@linkplain #create created} without a server
   */
  public String url() {
    HttpFront served = front;
    if (served == null) {
      throw new IllegalStateException("created without a server: use start() for a URL");
    }
    return "http://127.0.0.1:" + served.port();
  }

  /**
   * Sets the pause before each of a message's status callbacks ({@code queued}, {@code sent},
   * {@code delivered}), 50 ms unless set: the first also lets the 201 reach the server before the
   * server hears of the message's progress.
   */
  public FakeTwilio statusDelay(Duration delay) {
    if (delay.isNegative()) {
      throw new IllegalArgumentException("a delay cannot be negative: " + delay);
    }
    this.statusDelay = delay;
    return this;
  }

  /**
   * Answers one request to Twilio's REST API.
   *
   * @param method the HTTP method
   * @param path the raw path from {@code /2010-04-01/} on (without any prefix the fake is served
   *     under)
   * @param rawQuery the raw query string, or {@code null}
   * @param authorizationHeader the {@code Authorization} header, or {@code null}
   * @param formBody the raw {@code application/x-www-form-urlencoded} body, or {@code null}
   * @return Twilio's answer; never throws for a bad request
   */
  public Answer handle(
      String method, String path, String rawQuery, String authorizationHeader, String formBody) {
    Optional<BasicCredentials> credentials = BasicCredentials.of(authorizationHeader);
    if (credentials.isEmpty() || !sameSecret(credentials.get().password())) {
      return unauthorized();
    }
    String account = credentials.get().user();
    String target = path == null ? "" : path;
    Matcher accountPath = ACCOUNT.matcher(target);
    if (accountPath.matches() && !accountPath.group(1).equals(account)) {
      return unauthorized();
    }
    Matcher numberList = NUMBERS.matcher(target);
    Matcher numberItem = NUMBER.matcher(target);
    if (numberList.matches() || numberItem.matches()) {
      return numbers(
          method,
          account,
          target,
          numberItem.matches() ? numberItem.group(2) : null,
          formBody,
          rawQuery);
    }
    Matcher resource = RESOURCE.matcher(target);
    if (!resource.matches()) {
      return notFound(target);
    }
    boolean messages = resource.group(2).equals("Messages");
    Map<String, List<String>> form;
    Map<String, List<String>> query;
    try {
      form = Form.decode(formBody);
      query = Form.decode(rawQuery);
    } catch (IllegalArgumentException e) { // a stray % in the encoding
      return error(400, 20001, "Malformed form or query: " + e.getMessage());
    }
    return switch (method == null ? "" : method.toUpperCase(Locale.ROOT)) {
      case "POST" -> messages ? sendText(account, form) : placeCall(account, form);
      case "GET" -> list(account, target, messages, query);
      default -> notFound(target);
    };
  }

  private boolean sameSecret(String password) {
    // constant time, as a real check of a secret should be
    return MessageDigest.isEqual(
        password.getBytes(StandardCharsets.UTF_8), authToken.getBytes(StandardCharsets.UTF_8));
  }

  private Answer sendText(String account, Map<String, List<String>> form) {
    String to = first(form, "To");
    String from = first(form, "From");
    String service = first(form, "MessagingServiceSid");
    String body = first(form, "Body");
    List<String> media = form.getOrDefault("MediaUrl", List.of());
    if (to == null) {
      return error(400, 21604, "A 'To' phone number is required.");
    }
    if (!E164.matcher(to).matches()) {
      return error(400, 21211, "The 'To' number " + to + " is not a valid phone number.");
    }
    if (from == null && service == null) {
      return error(400, 21603, "A 'From' phone number is required.");
    }
    if (body == null && media.isEmpty()) {
      return error(400, 21602, "Message body is required.");
    }
    if (body != null && body.codePointCount(0, body.length()) > MAX_BODY) {
      return error(
          400,
          21617,
          "The concatenated message body exceeds the " + MAX_BODY + " character limit.");
    }
    Instant now = Instant.now();
    SentText text =
        new SentText(
            Sids.next("SM"),
            account,
            from,
            to,
            service,
            body == null ? "" : body,
            media,
            first(form, "StatusCallback"),
            "queued",
            now,
            now,
            null);
    texts.add(text);
    progress(text.sid(), 0);
    return new Answer(201, JSON, RestJson.message(text));
  }

  /**
   * Moves message {@code sid} to {@code TEXT_PROGRESS[step]} after the status delay, tells its
   * status callback, and schedules the next step: each step is scheduled by the one before, so a
   * message's callbacks keep their order whatever else the callback thread does.
   */
  private void progress(String sid, int step) {
    callbacks.later(
        statusDelay,
        () -> {
          String status = TEXT_PROGRESS.get(step);
          texts
              .update(sid, text -> text.withStatus(status, Instant.now()))
              .filter(text -> text.statusCallback() != null)
              .ifPresent(text -> callbacks.post("POST", text.statusCallback(), statusParams(text)));
          if (step + 1 < TEXT_PROGRESS.size()) {
            progress(sid, step + 1);
          }
        });
  }

  /** A message's status callback parameters, in the order Twilio sends its main ones. */
  private static Map<String, String> statusParams(SentText text) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("MessageSid", text.sid());
    params.put("SmsSid", text.sid());
    params.put("AccountSid", text.accountSid());
    if (text.messagingServiceSid() != null) {
      params.put("MessagingServiceSid", text.messagingServiceSid());
    }
    if (text.from() != null) {
      params.put("From", text.from());
    }
    params.put("To", text.to());
    params.put("MessageStatus", text.status());
    params.put("SmsStatus", text.status());
    params.put("ApiVersion", RestJson.API_VERSION);
    return params;
  }

  private Answer placeCall(String account, Map<String, List<String>> form) {
    String to = first(form, "To");
    String from = first(form, "From");
    String url = first(form, "Url");
    String twiml = first(form, "Twiml");
    if (to == null) {
      return error(400, 21201, "No 'To' number is specified");
    }
    if (!E164.matcher(to).matches() && !to.startsWith("client:") && !to.startsWith("sip:")) {
      return error(400, 21211, "The 'To' number " + to + " is not a valid phone number.");
    }
    if (from == null) {
      return error(400, 21213, "No 'From' number is specified");
    }
    if (url == null && twiml == null) {
      return error(400, 21205, "Url parameter is required.");
    }
    List<String> events = new ArrayList<>();
    for (String given : form.getOrDefault("StatusCallbackEvent", List.of())) {
      // Twilio takes the events repeated or space-separated in one value
      for (String event : given.trim().split("\\s+")) {
        if (!event.isEmpty()) {
          events.add(event);
        }
      }
    }
    Instant now = Instant.now();
    RingingCall call =
        new RingingCall(
            Sids.next("CA"),
            account,
            from,
            to,
            url,
            upper(first(form, "Method")),
            twiml,
            first(form, "StatusCallback"),
            events,
            upper(first(form, "StatusCallbackMethod")),
            "queued",
            now,
            now);
    calls.add(call);
    return new Answer(201, JSON, RestJson.call(call));
  }

  private static String upper(String method) {
    return method == null ? "POST" : method.toUpperCase(Locale.ROOT);
  }

  /** {@code Page} and {@code PageSize} of a list request, read as Twilio reads them. */
  private record Paging(int page, int size) {
    /** The paging of {@code query}; {@link IllegalArgumentException} with Twilio's message. */
    static Paging of(Map<String, List<String>> query) {
      int size;
      int page;
      try {
        size = Math.min(MAX_PAGE_SIZE, number(query, "PageSize", DEFAULT_PAGE_SIZE));
        page = number(query, "Page", 0);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("Invalid paging parameter: " + e.getMessage(), e);
      }
      if (size < 1 || page < 0) {
        throw new IllegalArgumentException(
            "Invalid paging parameter: PageSize " + size + ", Page " + page);
      }
      return new Paging(page, size);
    }

    /**
     * This page of {@code matching} as Twilio's list under {@code key}, linking pages by {@code
     * uri}.
     */
    Answer answer(String key, List<String> matching, IntFunction<String> uri) {
      long start = (long) page * size;
      List<String> items =
          start >= matching.size()
              ? List.of()
              : matching.subList((int) start, (int) Math.min(matching.size(), start + size));
      boolean more = start + size < matching.size();
      return new Answer(
          200,
          JSON,
          RestJson.page(
              key,
              items,
              page,
              size,
              uri.apply(page),
              uri.apply(0),
              more ? uri.apply(page + 1) : null,
              page > 0 ? uri.apply(page - 1) : null));
    }
  }

  /**
   * A page of the account's messages or calls to {@code To} from {@code From} (when given), newest
   * first, {@code PageSize} of them (50 unless given; more than 1000 is taken as 1000, as the most
   * Twilio gives) from page {@code Page} (0 unless given).
   */
  private Answer list(
      String account, String path, boolean messages, Map<String, List<String>> query) {
    String to = first(query, "To");
    String from = first(query, "From");
    Paging paging;
    try {
      paging = Paging.of(query);
    } catch (IllegalArgumentException e) {
      return error(400, 20001, e.getMessage());
    }
    List<String> matching = new ArrayList<>();
    if (messages) {
      List<SentText> all = texts.all();
      for (int i = all.size() - 1; i >= 0; i--) {
        SentText text = all.get(i);
        if (matches(text.accountSid(), text.to(), text.from(), account, to, from)) {
          matching.add(RestJson.message(text));
        }
      }
    } else {
      List<RingingCall> all = calls.all();
      for (int i = all.size() - 1; i >= 0; i--) {
        RingingCall call = all.get(i);
        if (matches(call.accountSid(), call.to(), call.from(), account, to, from)) {
          matching.add(RestJson.call(call));
        }
      }
    }
    return paging.answer(
        messages ? "messages" : "calls",
        matching,
        page -> pageUri(path, to, from, paging.size(), page));
  }

  /**
   * The IncomingPhoneNumbers resources: the list ({@code sid} {@code null}) and one number. Only
   * reading them and updating one are served; buying and releasing numbers are not.
   */
  private Answer numbers(
      String method, String account, String path, String sid, String formBody, String rawQuery) {
    Map<String, List<String>> form;
    Map<String, List<String>> query;
    try {
      form = Form.decode(formBody);
      query = Form.decode(rawQuery);
    } catch (IllegalArgumentException e) {
      return error(400, 20001, "Malformed form or query: " + e.getMessage());
    }
    String verb = method == null ? "" : method.toUpperCase(Locale.ROOT);
    if (sid == null) {
      return verb.equals("GET") ? listNumbers(account, path, query) : notFound(path);
    }
    Optional<TwilioNumber> number =
        switch (verb) {
          case "GET" -> numbers.find(sid);
          case "POST" -> numbers.update(sid, n -> n.updatedBy(form, Instant.now()));
          default -> Optional.empty();
        };
    return number
        .map(n -> new Answer(200, JSON, RestJson.number(n, account)))
        .orElseGet(() -> notFound(path));
  }

  private Answer listNumbers(String account, String path, Map<String, List<String>> query) {
    String filter = first(query, "PhoneNumber");
    Paging paging;
    try {
      paging = Paging.of(query);
    } catch (IllegalArgumentException e) {
      return error(400, 20001, e.getMessage());
    }
    Pattern wanted = filter == null ? null : numberPattern(filter);
    List<String> matching = new ArrayList<>();
    for (TwilioNumber number : numbers.all()) {
      if (wanted == null || wanted.matcher(number.phoneNumber()).find()) {
        matching.add(RestJson.number(number, account));
      }
    }
    return paging.answer(
        "incoming_phone_numbers", matching, page -> numbersUri(path, filter, paging.size(), page));
  }

  /** Twilio's {@code PhoneNumber} filter: any part of a number, {@code *} standing for a digit. */
  private static Pattern numberPattern(String filter) {
    StringBuilder regex = new StringBuilder();
    for (char c : filter.toCharArray()) {
      regex.append(c == '*' ? "[0-9]" : Pattern.quote(String.valueOf(c)));
    }
    return Pattern.compile(regex.toString());
  }

  private static String numbersUri(String path, String filter, int pageSize, int page) {
    Map<String, String> params = new LinkedHashMap<>();
    if (filter != null) {
      params.put("PhoneNumber", filter);
    }
    params.put("PageSize", Integer.toString(pageSize));
    params.put("Page", Integer.toString(page));
    return path + "?" + Form.encode(Form.of(params));
  }

  private static boolean matches(
      String itsAccount, String itsTo, String itsFrom, String account, String to, String from) {
    return itsAccount.equals(account)
        && (to == null || to.equals(itsTo))
        && (from == null || from.equals(itsFrom));
  }

  private static int number(Map<String, List<String>> query, String name, int fallback) {
    String value = first(query, name);
    return value == null ? fallback : Integer.parseInt(value);
  }

  /** A page's URI as Twilio writes it: the filters, then {@code PageSize} and {@code Page}. */
  private static String pageUri(String path, String to, String from, int pageSize, int page) {
    Map<String, String> params = new LinkedHashMap<>();
    if (to != null) {
      params.put("To", to);
    }
    if (from != null) {
      params.put("From", from);
    }
    params.put("PageSize", Integer.toString(pageSize));
    params.put("Page", Integer.toString(page));
    return path + "?" + Form.encode(Form.of(params));
  }

  /** The first value of {@code name}, or {@code null} if it is missing or empty. */
  private static String first(Map<String, List<String>> params, String name) {
    List<String> values = params.get(name);
    return values == null || values.isEmpty() || values.get(0).isEmpty() ? null : values.get(0);
  }

  private static Answer error(int status, int code, String message) {
    return new Answer(status, JSON, RestJson.error(status, code, message));
  }

  private static Answer unauthorized() {
    return error(401, 20003, "Authenticate");
  }

  private static Answer notFound(String path) {
    return error(404, 20404, "The requested resource " + path + " was not found");
  }

  /**
   * Changes call {@code callSid}'s status, as the simulated phone rings, answers or hangs up, and
   * reports it to the call's {@code StatusCallback}, synchronously on the caller's thread (a
   * console wants the server's answer). As Twilio, only for the events the call asked for: {@code
   * initiated}, {@code ringing}, {@code answered} (status {@code in-progress}) or {@code completed}
   * (any final status: {@code completed}, {@code busy}, {@code failed}, {@code no-answer}, {@code
   * canceled}); a call that asked for none hears of {@code completed} alone. {@code CallDuration}
   * is sent with a final status only, as Twilio sends it.
   *
   * @param callSid a call the fake accepted
   * @param status the call's new status ({@code ringing}, {@code in-progress}, {@code completed} …)
   * @param durationSeconds the call's length so far, reported with a final status
   * @return the status callback's exchange, or empty if none was due
   * @throws IllegalArgumentException if the fake accepted no such call
   */
  public Optional<Exchange> callStatus(String callSid, String status, int durationSeconds) {
    RingingCall call =
        calls
            .update(callSid, ringing -> ringing.withStatus(status, Instant.now()))
            .orElseThrow(() -> new IllegalArgumentException("no call " + callSid));
    String event = CallEvents.eventOf(status);
    boolean finalStatus = "completed".equals(event);
    boolean wanted =
        call.statusCallbackEvents().isEmpty()
            ? finalStatus
            : call.statusCallbackEvents().contains(event);
    if (call.statusCallback() == null || !wanted) {
      return Optional.empty();
    }
    Map<String, String> params = new LinkedHashMap<>();
    params.put("CallSid", call.sid());
    params.put("AccountSid", call.accountSid());
    params.put("From", call.from());
    params.put("To", call.to());
    params.put("CallStatus", status);
    if (finalStatus) {
      params.put("CallDuration", Integer.toString(durationSeconds));
    }
    params.put("Direction", "outbound-api");
    params.put("ApiVersion", RestJson.API_VERSION);
    return Optional.of(callbacks.post(call.statusCallbackMethod(), call.statusCallback(), params));
  }

  /** Every message accepted, oldest first, each as it stands now. */
  public List<SentText> texts() {
    return texts.all();
  }

  /** The messages accepted to {@code number}, oldest first, each as it stands now. */
  public List<SentText> textsTo(String number) {
    return texts.to(number);
  }

  /**
   * The oldest message to {@code to} that no earlier {@code awaitText} for that number returned,
   * waiting up to {@code timeout} for it: successive calls return successive messages to a number,
   * whether they arrived before the call or during it.
   *
   * @throws AssertionError if none comes in time; its message lists every text that did
   */
  public SentText awaitText(String to, Duration timeout) {
    return texts.next(to, timeout);
  }

  /**
   * Message {@code sid} once its status is {@code status}, waiting up to {@code timeout}. A
   * message's status moves on, and one it has left behind is not found: wait for the last one you
   * need ({@code delivered} implies the others).
   *
   * @throws AssertionError if it does not reach it in time, saying how it stands
   */
  public SentText awaitTextStatus(String sid, String status, Duration timeout) {
    return texts.await(sid, text -> text.status().equals(status), status, timeout);
  }

  /**
   * Calls {@code listener} with each message accepted from now on, on the thread that accepted it,
   * after the message is kept (and before its 201 is written). A listener that throws is logged and
   * ignored: the send still succeeds.
   */
  public void onText(Consumer<SentText> listener) {
    texts.listen(listener);
  }

  /** Every call accepted, oldest first, each as it stands now. */
  public List<RingingCall> calls() {
    return calls.all();
  }

  /** The calls accepted to {@code number}, oldest first, each as it stands now. */
  public List<RingingCall> callsTo(String number) {
    return calls.to(number);
  }

  /**
   * The oldest call to {@code to} that no earlier {@code awaitCall} for that number returned,
   * waiting up to {@code timeout}; as {@link #awaitText}.
   *
   * @throws AssertionError if none comes in time; its message lists every call that did
   */
  public RingingCall awaitCall(String to, Duration timeout) {
    return calls.next(to, timeout);
  }

  /** Calls {@code listener} with each call accepted from now on, as {@link #onText}. */
  public void onCall(Consumer<RingingCall> listener) {
    calls.listen(listener);
  }

  /**
   * Gives the fake the number {@code phoneNumber}, with no voice URL, messaging URL or status
   * callback (all methods POST), as Twilio shows a number nobody has set up.
   *
   * @param phoneNumber the number, E.164
   * @return its SID, {@code PN} and 32 hex digits
   * @throws IllegalArgumentException if it is not E.164 or the fake has it already
   */
  public String number(String phoneNumber) {
    return number(phoneNumber, "", "");
  }

  /**
   * Gives the fake the number {@code phoneNumber}, its calls going to {@code voiceUrl} and its
   * messages to {@code smsUrl} (both POST; empty for none), without a status callback.
   *
   * @return its SID
   * @throws IllegalArgumentException if it is not E.164 or the fake has it already
   */
  public String number(String phoneNumber, String voiceUrl, String smsUrl) {
    if (phoneNumber == null || !E164.matcher(phoneNumber).matches()) {
      throw new IllegalArgumentException("not an E.164 number: " + phoneNumber);
    }
    Instant now = Instant.now();
    TwilioNumber number =
        new TwilioNumber(
            Sids.next("PN"),
            phoneNumber,
            voiceUrl == null ? "" : voiceUrl,
            "POST",
            smsUrl == null ? "" : smsUrl,
            "POST",
            "",
            "POST",
            now,
            now);
    synchronized (numbers) {
      if (!numbers.to(phoneNumber).isEmpty()) {
        throw new IllegalArgumentException("the fake has " + phoneNumber + " already");
      }
      numbers.add(number);
    }
    return number.sid();
  }

  /**
   * Updates number {@code sid} as a {@code POST IncomingPhoneNumbers/{sid}.json} with {@code
   * params} would ({@code VoiceUrl}, {@code VoiceMethod}, {@code SmsUrl}, {@code SmsMethod}, {@code
   * StatusCallback}, {@code StatusCallbackMethod}): to set a number up as a test needs it.
   *
   * @return the number as it is now
   * @throws IllegalArgumentException if the fake has no such number
   */
  public TwilioNumber updateNumber(String sid, Map<String, String> params) {
    return numbers
        .update(sid, number -> number.updatedBy(Form.of(params), Instant.now()))
        .orElseThrow(() -> new IllegalArgumentException("no number " + sid));
  }

  /**
   * Number {@code phoneNumber} as it is now, with every update the server made.
   *
   * @throws IllegalArgumentException if the fake has no such number
   */
  public TwilioNumber incomingNumber(String phoneNumber) {
    List<TwilioNumber> found = numbers.to(phoneNumber);
    if (found.isEmpty()) {
      throw new IllegalArgumentException(
          "no number " + phoneNumber + "; numbers: " + numbers.all());
    }
    return found.get(0);
  }

  /** Every number the fake has, in the order they were given, each as it is now. */
  public List<TwilioNumber> incomingNumbers() {
    return numbers.all();
  }

  /**
   * Every status callback made so far, in order, with the server's answer; one that could not be
   * delivered has status 0 and the error as its body.
   */
  public List<Exchange> callbacks() {
    return callbacks.all();
  }

  /** Stops the server, if any, and the callback thread (callbacks still due are dropped). */
  @Override
  public void close() {
    HttpFront served = front;
    if (served != null) {
      served.close();
    }
    callbacks.close();
  }
}
