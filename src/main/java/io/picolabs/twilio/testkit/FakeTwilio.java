package io.picolabs.twilio.testkit;

import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
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
 * <p>For the tests of a server's sending, it also plays a Twilio that misbehaves, and tells exactly
 * what reached it: every request as it arrived ({@link #requests}, {@link #posts}); scripted
 * answers to the next creates or lists ({@link #nextPost}, {@link #nextList}), among them an answer
 * lost after Twilio accepted the message or call ({@link Scripted#acceptedThen}); a slow Twilio
 * ({@link #slowDown}); lists that show a message or call only a while after it was accepted ({@link
 * #listLag}); a port that refuses connections ({@link #closePort}). {@link #reset} forgets all that
 * between tests, and {@link #sequentialSids} makes exact answers possible to assert.
 *
 * <p>{@link #main} runs it on its own, for a server started by hand or a benchmark.
 *
 * <p>Thread-safe: a server sends concurrently while a test waits.
 */
public final class FakeTwilio implements AutoCloseable {

  /**
   * The fake's answer to one request: the HTTP status, the {@code Content-Type}, the body (JSON,
   * Twilio's resource or error) and any other header (a 401's {@code WWW-Authenticate}, a scripted
   * {@code Retry-After}).
   *
   * @param status the HTTP status (201 created, 200 list, 400, 401, 404 …)
   * @param contentType the body's media type
   * @param body the JSON body
   * @param headers the other headers of the answer, by name
   */
  public record Answer(int status, String contentType, String body, Map<String, String> headers) {

    /** Copies the headers, so that an answer cannot change under its reader. */
    public Answer {
      headers = Map.copyOf(headers);
    }

    /** An answer with no header but its {@code Content-Type}. */
    public Answer(int status, String contentType, String body) {
      this(status, contentType, body, Map.of());
    }
  }

  /**
   * A request as it reached the fake, kept so that a test can assert exactly what a server sent
   * (the path, the credentials, the form, the query), and in what order, whatever the fake
   * answered.
   *
   * @param method the HTTP method
   * @param path the raw path, still percent-encoded, without any prefix the fake is served under
   * @param query the raw query string, or {@code null} when the request had none
   * @param headers every header, as it arrived at the fake's port (the JDK's server writes a name's
   *     first letter upper case and the rest lower case; {@link #header} ignores case); a request
   *     given to {@link #handle} has only its {@code Authorization}
   * @param body the body, decoded as UTF-8 (a form's encoding is ASCII); empty when there was none
   */
  public record Request(
      String method, String path, String query, Map<String, List<String>> headers, String body) {

    /** Copies the headers, so that a kept request cannot change; {@code null} body is empty. */
    public Request {
      Map<String, List<String>> copy = new LinkedHashMap<>();
      headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
      headers = Collections.unmodifiableMap(copy);
      body = body == null ? "" : body;
    }

    /** The first value of header {@code name}, whatever its case, or {@code null}. */
    public String header(String name) {
      for (Map.Entry<String, List<String>> header : headers.entrySet()) {
        if (header.getKey().equalsIgnoreCase(name) && !header.getValue().isEmpty()) {
          return header.getValue().get(0);
        }
      }
      return null;
    }

    /** The body's form parameters, decoded as a server decodes them, repeated names in order. */
    public Map<String, List<String>> form() {
      return Form.decode(body);
    }

    /** The query's parameters, decoded as a server decodes them ({@code +} is a space). */
    public Map<String, List<String>> queryParams() {
      return Form.decode(query);
    }
  }

  /**
   * An answer a test scripts for the next create ({@link #nextPost}) or list ({@link #nextList}),
   * instead of the fake's own: Twilio's errors, a throttling {@code 429} with its {@code
   * Retry-After}, an answer that comes late, or one lost after Twilio accepted the request.
   *
   * @param status the HTTP status
   * @param body the body, sent as {@link #JSON}
   * @param headers other headers of the answer ({@code Retry-After} …)
   * @param delay how long the answer waits before it is written: a slow Twilio
   * @param accepted whether the fake accepts the message or call as it would without a script (it
   *     is kept and listed) while the client gets this answer; without, nothing is kept, as when
   *     Twilio refuses a request. Only for creates.
   */
  public record Scripted(
      int status, String body, Map<String, String> headers, Duration delay, boolean accepted) {

    /** Checks the delay and copies the headers. */
    public Scripted {
      if (status < 100 || status > 599) {
        throw new IllegalArgumentException("not an HTTP status: " + status);
      }
      if (body == null) {
        throw new IllegalArgumentException("a scripted answer needs a body (JSON)");
      }
      if (delay.isNegative()) {
        throw new IllegalArgumentException("a delay cannot be negative: " + delay);
      }
      headers = Map.copyOf(headers);
    }

    /**
     * {@code status} and {@code json} at once, nothing kept: Twilio refused the request (a {@code
     * 400} with its error code, a {@code 401}, a {@code 503} it will not have acted on).
     */
    public static Scripted answer(int status, String json) {
      return new Scripted(status, json, Map.of(), Duration.ZERO, false);
    }

    /**
     * Twilio accepted the request, but its answer was lost: the message or call is kept and shows
     * in the lists, while the client gets {@code status} and {@code json} (a {@code 500}, say). The
     * case a sender must reconcile (by listing) rather than send again.
     */
    public static Scripted acceptedThen(int status, String json) {
      return new Scripted(status, json, Map.of(), Duration.ZERO, true);
    }

    /** This answer with header {@code name} set to {@code value} ({@code Retry-After} …). */
    public Scripted withHeader(String name, String value) {
      Map<String, String> more = new LinkedHashMap<>(headers);
      more.put(name, value);
      return new Scripted(status, body, more, delay, accepted);
    }

    /** This answer written only after {@code wait}: a client's read timeout can run out first. */
    public Scripted after(Duration wait) {
      return new Scripted(status, body, headers, wait, accepted);
    }

    Answer toAnswer() {
      return new Answer(status, JSON, body, headers);
    }
  }

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
  private static final System.Logger LOG = System.getLogger(FakeTwilio.class.getName());

  private final String authToken;
  // accounts given a token of their own (account); any other account uses authToken
  private final Map<String, String> accountTokens = new ConcurrentHashMap<>();
  private final Inbox<SentText> texts = new Inbox<>("text", SentText::sid, SentText::to);
  private final Inbox<RingingCall> calls = new Inbox<>("call", RingingCall::sid, RingingCall::to);
  private final Inbox<TwilioNumber> numbers =
      new Inbox<>("number", TwilioNumber::sid, TwilioNumber::phoneNumber);
  private final Callbacks callbacks;
  private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
  private final List<Consumer<Request>> requestListeners = new CopyOnWriteArrayList<>();
  private final Queue<Scripted> postScript = new ConcurrentLinkedQueue<>();
  private final Queue<Scripted> listScript = new ConcurrentLinkedQueue<>();
  private final AtomicLong sequence = new AtomicLong(); // the last sequential SID's number
  // moved on by reset(): status steps scheduled before it find nothing of theirs after it
  private final AtomicInteger generation = new AtomicInteger();
  private volatile Duration statusDelay = Duration.ofMillis(50);
  private volatile boolean textsProgress = true;
  private volatile boolean sequentialSids;
  private volatile boolean recording = true;
  private volatile Duration slowDown = Duration.ZERO;
  private volatile Duration trickle = Duration.ZERO;
  private volatile Duration listLag = Duration.ZERO;
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
   * Leaves every message accepted from now on {@code queued}: its status does not move and no
   * status callback is made. For a test that plays Twilio's status callbacks itself, or asserts
   * what a server read back from the fake (a list, an answer): callbacks the fake made on its own
   * would race it.
   */
  public FakeTwilio messagesStayQueued() {
    this.textsProgress = false;
    return this;
  }

  /**
   * Numbers the SIDs of the messages and calls from now on 1, 2, 3 … ({@code SM} or {@code CA},
   * then the number in 32 digits: {@code SM00000000000000000000000000000001}), one count for both
   * kinds, started again by {@link #reset}. For a test that asserts exact answers, lists and
   * requests, which hold SIDs: random ones could only be matched by pattern. Not for a server that
   * keeps the SIDs it saw beyond a test (in a database): they repeat after a reset, where the
   * default, random SIDs never repeat, as Twilio's. Numbers keep random SIDs.
   */
  public FakeTwilio sequentialSids() {
    this.sequentialSids = true;
    return this;
  }

  /**
   * Gives account {@code accountSid} an auth token of its own, as Twilio's subaccounts have: its
   * requests must carry that token, its status callbacks are signed with it. For a server that
   * sends through several accounts, each with its credentials; any other account uses the token the
   * fake was made with.
   *
   * @throws IllegalArgumentException if either is empty
   */
  public FakeTwilio account(String accountSid, String authToken) {
    if (accountSid == null || accountSid.isEmpty() || authToken == null || authToken.isEmpty()) {
      throw new IllegalArgumentException("an account needs its SID and its auth token");
    }
    accountTokens.put(accountSid, authToken);
    return this;
  }

  /**
   * Signs every status callback from now on with the shared key {@code keyId} and HMAC-SHA256, as
   * Twilio does for an account whose Webhook Rule signs this server's URLs with a shared key
   * (instead of the accounts' auth tokens, which still authenticate the server's requests to the
   * fake). Kept by {@link #reset}, as the accounts are.
   *
   * @throws IllegalArgumentException if the id or secret is empty
   */
  public FakeTwilio sharedKey(String keyId, String secret) {
    return sharedKey(SharedKey.of(keyId, secret));
  }

  /**
   * Signs every status callback from now on with {@code key} (see {@link #sharedKey(String,
   * String)}).
   */
  public FakeTwilio sharedKey(SharedKey key) {
    callbacks.signWith(Objects.requireNonNull(key, "the shared key"));
    return this;
  }

  /**
   * Keeps every request from now on ({@link #requests}), or stops keeping them: on by default. A
   * fake that runs for long under load (the console's, a benchmark's) turns it off, lest it keep
   * every request it ever served.
   */
  public FakeTwilio recordRequests(boolean on) {
    this.recording = on;
    return this;
  }

  /**
   * Answers every create (a message or a call) that no script decides only after {@code delay}: a
   * slow Twilio. The message or call is accepted when the request arrives, before the wait, as
   * Twilio acts on a request whose answer is still on its way: a client whose read timeout runs out
   * first finds it in the lists, which are not slowed down. Zero, the default, answers at once;
   * {@link #reset} sets it back.
   */
  public FakeTwilio slowDown(Duration delay) {
    if (delay.isNegative()) {
      throw new IllegalArgumentException("a delay cannot be negative: " + delay);
    }
    this.slowDown = delay;
    return this;
  }

  /**
   * Writes the answer to every create (a message or a call, scripted or not) one byte at a time,
   * {@code pause} apart, after its headers: an answer that trickles in, each read well inside a
   * client's read timeout, the whole taking as long as the body is long times {@code pause}. The
   * message or call is accepted before the first byte. Zero, the default, writes it at once; {@link
   * #reset} sets it back.
   */
  public FakeTwilio trickle(Duration pause) {
    if (pause.isNegative()) {
      throw new IllegalArgumentException("a pause cannot be negative: " + pause);
    }
    this.trickle = pause;
    return this;
  }

  /** The pause between the bytes of an answer to {@code method} ({@link #trickle}). */
  Duration trickleOf(String method) {
    return "POST".equalsIgnoreCase(method) ? trickle : Duration.ZERO;
  }

  /**
   * Shows a message or call in the lists ({@code GET Messages.json}, {@code Calls.json}) only
   * {@code lag} after it was accepted: Twilio's lists are eventually consistent, so a sender that
   * lists right after an answer was lost may not find what Twilio did accept, and must not take
   * that for a refusal. Zero, the default, lists at once; {@link #reset} sets it back.
   */
  public FakeTwilio listLag(Duration lag) {
    if (lag.isNegative()) {
      throw new IllegalArgumentException("a lag cannot be negative: " + lag);
    }
    this.listLag = lag;
    return this;
  }

  /**
   * Answers the next create (a {@code POST} of {@code Messages.json} or {@code Calls.json}) with
   * {@code answer} instead of the fake's own, after its delay; answers scripted so far go first,
   * one per create, and lists never take them. To play Twilio's errors, throttling and lost
   * answers. The request is recorded and its credentials checked as any other's; a scripted answer
   * replaces only the fake's checks of the form (a {@code 400} for {@code To=123} needs no valid
   * number). One {@link Scripted#acceptedThen accepted} is kept if the fake would have accepted it.
   */
  public FakeTwilio nextPost(Scripted answer) {
    postScript.add(answer);
    return this;
  }

  /** {@link #nextPost(Scripted)} with {@code status} and {@code json} at once, nothing kept. */
  public FakeTwilio nextPost(int status, String json) {
    return nextPost(Scripted.answer(status, json));
  }

  /**
   * Answers the next list (a {@code GET} of {@code Messages.json} or {@code Calls.json}) with
   * {@code answer} instead of the list, after its delay: a list that fails or times out, which a
   * sender reconciling an unknown outcome must survive. Apart from {@link #nextPost}: creates never
   * take these answers. {@link Scripted#accepted} means nothing here.
   */
  public FakeTwilio nextList(Scripted answer) {
    listScript.add(answer);
    return this;
  }

  /**
   * Closes the fake's port: connections are refused until {@link #reopenPort}, as when Twilio
   * cannot be reached. Open connections are cut too, so a client's kept-alive connection goes
   * stale: a request sent on it gets no answer (an unknown outcome, not a refusal) unless the
   * client checks the connection first. Nothing is forgotten.
   *
   * @throws IllegalStateException if it was {@linkplain #create created} without a server
   */
  public void closePort() {
    served().closePort();
  }

  /** Listens again on the same port ({@link #url} is unchanged) after {@link #closePort}. */
  public void reopenPort() {
    served().reopen();
  }

  /**
   * Forgets the requests, the messages and calls (and which of them the awaits returned), the
   * status callbacks made, the scripted answers, {@link #slowDown}, {@link #trickle} and {@link
   * #listLag}; sequential SIDs start again from 1. For a fake shared by a test class: each test
   * starts from a quiet Twilio. What was set up stays: the auth tokens, the numbers, the listeners,
   * {@link #statusDelay}, {@link #messagesStayQueued}, {@link #sequentialSids} and {@link
   * #recordRequests}. Status callbacks still due for messages it forgot are dropped.
   */
  public void reset() {
    generation.incrementAndGet();
    postScript.clear();
    listScript.clear();
    slowDown = Duration.ZERO;
    trickle = Duration.ZERO;
    listLag = Duration.ZERO;
    synchronized (texts) {
      synchronized (calls) {
        texts.clear();
        calls.clear();
        sequence.set(0);
      }
    }
    requests.clear();
    callbacks.clear();
  }

  /**
   * Every request that reached the fake, GETs and refused ones included, in order of arrival,
   * exactly as it arrived (kept when it arrives, before it is answered): what a test of a server's
   * sending asserts. Empty while {@link #recordRequests} is off.
   */
  public List<Request> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  /**
   * The {@code POST}s among {@link #requests}, in order of arrival: the creates (and updates of
   * numbers) a server sent, without the lists it read.
   */
  public List<Request> posts() {
    return requests().stream().filter(request -> request.method().equals("POST")).toList();
  }

  /**
   * Calls {@code listener} with each request as it arrives, before it is answered (and whether or
   * not it is recorded). For counting what reached a fake that does not record (the standalone
   * fake's {@code /count}); a listener that throws is logged and ignored.
   */
  void onRequest(Consumer<Request> listener) {
    requestListeners.add(listener);
  }

  /** The HTTP front, for the standalone fake's own paths. */
  HttpFront front() {
    return served();
  }

  private HttpFront served() {
    HttpFront served = front;
    if (served == null) {
      throw new IllegalStateException("created without a server: use start() for a port");
    }
    return served;
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
    Map<String, List<String>> headers =
        authorizationHeader == null
            ? Map.of()
            : Map.of("Authorization", List.of(authorizationHeader));
    return serve(
        new Request(
            method == null ? "" : method, path == null ? "" : path, rawQuery, headers, formBody));
  }

  /**
   * Twilio's 401 for a request with {@code authorizationHeader} ({@code null}: none), or empty when
   * it carries an account's SID and auth token: for a server in front of the fake that checks the
   * credentials before it reads a body ({@link #handle} checks them again, with the account of the
   * path).
   */
  public Optional<Answer> refusal(String authorizationHeader) {
    Optional<BasicCredentials> credentials = BasicCredentials.of(authorizationHeader);
    return credentials.isPresent()
            && sameSecret(credentials.get().user(), credentials.get().password())
        ? Optional.empty()
        : Optional.of(unauthorized());
  }

  /**
   * Answers {@code request}: tells the request listeners, records it, then answers as Twilio would,
   * or as scripted, after any delay (on the caller's thread).
   */
  Answer serve(Request request) {
    for (Consumer<Request> listener : requestListeners) {
      try {
        listener.accept(request);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "request listener failed on " + request.path(), e);
      }
    }
    if (recording) {
      requests.add(request);
    }
    Optional<BasicCredentials> credentials = BasicCredentials.of(request.header("Authorization"));
    if (credentials.isEmpty()
        || !sameSecret(credentials.get().user(), credentials.get().password())) {
      return unauthorized();
    }
    String account = credentials.get().user();
    String method = request.method();
    String target = request.path();
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
          request.body(),
          request.query());
    }
    Matcher resource = RESOURCE.matcher(target);
    if (!resource.matches()) {
      return notFound(target);
    }
    boolean messages = resource.group(2).equals("Messages");
    return switch (method.toUpperCase(Locale.ROOT)) {
      case "POST" -> create(account, messages, request);
      case "GET" -> {
        Scripted scripted = listScript.poll();
        if (scripted != null) {
          pause(scripted.delay());
          yield scripted.toAnswer();
        }
        yield answer(account, target, messages, request);
      }
      default -> notFound(target);
    };
  }

  /** A create: the scripted answer if any (the message or call kept if so scripted), else ours. */
  private Answer create(String account, boolean messages, Request request) {
    Scripted scripted = postScript.poll();
    if (scripted == null) {
      Answer answer = answer(account, request.path(), messages, request);
      pause(slowDown);
      return answer;
    }
    if (scripted.accepted()) {
      answer(account, request.path(), messages, request); // kept unless Twilio would refuse it
    }
    pause(scripted.delay());
    return scripted.toAnswer();
  }

  /** The fake's own answer to a create or a list. */
  private Answer answer(String account, String path, boolean messages, Request request) {
    Map<String, List<String>> form;
    Map<String, List<String>> query;
    try {
      form = Form.decode(request.body());
      query = Form.decode(request.query());
    } catch (IllegalArgumentException e) { // a stray % in the encoding
      return error(400, 20001, "Malformed form or query: " + e.getMessage());
    }
    if (request.method().equalsIgnoreCase("GET")) {
      return list(account, path, messages, query);
    }
    return messages ? sendText(account, form) : placeCall(account, form);
  }

  /** Waits {@code delay}, on the answering thread: a slow Twilio holds up this answer alone. */
  private static void pause(Duration delay) {
    if (delay.isZero()) {
      return;
    }
    try {
      TimeUnit.NANOSECONDS.sleep(delay.toNanos());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // the fake is closing: answer now
    }
  }

  private boolean sameSecret(String account, String password) {
    String token = tokenOf(account);
    // constant time, as a real check of a secret should be
    return MessageDigest.isEqual(
        password.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
  }

  /** The auth token of {@code account}: its own, else the fake's. */
  private String tokenOf(String account) {
    return accountTokens.getOrDefault(account, authToken);
  }

  /** A new SID with {@code prefix}: the next number, or random (see {@link #sequentialSids}). */
  private String newSid(String prefix) {
    return sequentialSids
        ? prefix + String.format("%032d", sequence.incrementAndGet())
        : Sids.next(prefix);
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
    String text = body == null ? "" : body;
    String statusCallback = first(form, "StatusCallback");
    SentText sent =
        texts.add(
            () -> {
              Instant now = Instant.now();
              return new SentText(
                  newSid("SM"),
                  account,
                  from,
                  to,
                  service,
                  text,
                  media,
                  statusCallback,
                  "queued",
                  now,
                  now,
                  null);
            });
    if (textsProgress) {
      progress(sent.sid(), 0, generation.get());
    }
    return new Answer(201, JSON, RestJson.message(sent));
  }

  /**
   * Moves message {@code sid} to {@code TEXT_PROGRESS[step]} after the status delay, tells its
   * status callback, and schedules the next step: each step is scheduled by the one before, so a
   * message's callbacks keep their order whatever else the callback thread does.
   */
  private void progress(String sid, int step, int since) {
    callbacks.later(
        statusDelay,
        () -> {
          if (generation.get() != since) {
            return; // reset() forgot the message (and a new one may have its sequential SID)
          }
          String status = TEXT_PROGRESS.get(step);
          texts
              .update(sid, text -> text.withStatus(status, Instant.now()))
              .filter(text -> text.statusCallback() != null)
              .ifPresent(
                  text ->
                      callbacks.post(
                          tokenOf(text.accountSid()),
                          "POST",
                          text.statusCallback(),
                          statusParams(text)));
          if (step + 1 < TEXT_PROGRESS.size()) {
            progress(sid, step + 1, since);
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
    String method = upper(first(form, "Method"));
    String statusCallback = first(form, "StatusCallback");
    String statusCallbackMethod = upper(first(form, "StatusCallbackMethod"));
    RingingCall call =
        calls.add(
            () -> {
              Instant now = Instant.now();
              return new RingingCall(
                  newSid("CA"),
                  account,
                  from,
                  to,
                  url,
                  method,
                  twiml,
                  statusCallback,
                  events,
                  statusCallbackMethod,
                  "queued",
                  now,
                  now);
            });
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
    // what was accepted less than the lag ago is not listed yet (listLag)
    Instant listed = Instant.now().minus(listLag);
    List<String> matching = new ArrayList<>();
    if (messages) {
      List<SentText> all = texts.all();
      for (int i = all.size() - 1; i >= 0; i--) {
        SentText text = all.get(i);
        if (matches(text.accountSid(), text.to(), text.from(), account, to, from)
            && !text.created().isAfter(listed)) {
          matching.add(RestJson.message(text));
        }
      }
    } else {
      List<RingingCall> all = calls.all();
      for (int i = all.size() - 1; i >= 0; i--) {
        RingingCall call = all.get(i);
        if (matches(call.accountSid(), call.to(), call.from(), account, to, from)
            && !call.created().isAfter(listed)) {
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
    // HTTP wants the challenge with every 401; Twilio sends this one
    return new Answer(
        401,
        JSON,
        RestJson.error(401, 20003, "Authenticate"),
        Map.of("WWW-Authenticate", "Basic realm=\"Twilio API\""));
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
    return Optional.of(
        callbacks.post(
            tokenOf(call.accountSid()),
            call.statusCallbackMethod(),
            call.statusCallback(),
            params));
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

  /**
   * Runs the fake on its own, on 127.0.0.1, until the process is killed: {@code java -cp <classes>
   * io.picolabs.twilio.testkit.FakeTwilio PORT DELAY_MS}, the auth token in the environment
   * variable {@code TWILIO_AUTH_TOKEN} (the server's). For a benchmark's slow Twilio
   * (scripts/benchmark) and for trying a server by hand without Twilio: every create is answered
   * after {@code DELAY_MS}, messages stay {@code queued} (no status callbacks load the server),
   * requests are counted, not kept. Besides Twilio's paths it serves {@code GET /count} (the {@code
   * POST}s of messages so far), {@code GET /duplicates} (how many of them repeated the {@code To}
   * and {@code Body} of an earlier one) and {@code POST /delay?ms=N} (the delay from now on), as
   * plain text.
   */
  public static void main(String[] args) throws InterruptedException {
    Standalone.main(args, System.getenv("TWILIO_AUTH_TOKEN"));
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
