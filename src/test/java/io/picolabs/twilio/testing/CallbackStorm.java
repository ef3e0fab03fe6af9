package io.picolabs.twilio.testing;

import io.picolabs.twilio.testkit.Signature;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A storm of Twilio's SMS status callbacks, as after a bulk campaign, against a running server, and
 * the check that the outbox recorded every status once and moved every message only forward.
 *
 * <p>The fake Twilio the benchmark sends through leaves its messages {@code queued} and makes no
 * callbacks of its own (and when it does, it makes them slowly, one at a time). This tool plays
 * Twilio's side afterwards, all at once: it reads the messages the server sent from {@code GET
 * /messages} (every page; entries whose {@code state} is {@code sent} and that have a {@code sid}),
 * plans for each a seeded sequence of signed callbacks ({@code queued}, {@code sent}, {@code
 * delivered}; about one in ten with a status repeated, one in ten out of order) to {@code POST
 * <base>/twilio/sms_status?outbox=<entry id>}, the URL the server gave Twilio, and posts them over
 * {@code --connections} connections, each posting the next callback when the last was answered (a
 * closed model, as {@code wrk}). Every answer must be 200. Then it reads {@code /messages} again
 * and checks each planned message's {@code history} and {@code status}.
 *
 * <p>scripts/benchmark runs it from the benchmark build, after its outbound rounds have left the
 * server with messages sent and no status reported:
 *
 * <pre>
 * java -cp target/benchmark/classes:target/benchmark/test-classes \
 *     io.picolabs.twilio.testing.CallbackStorm --base http://127.0.0.1:PORT \
 *     --auth-token T --events-token E [--connections 16] [--seed 1] \
 *     [--ceiling /ceiling/inbound_call] [--account-sid AC…] [--messages N] [--check-only]
 * </pre>
 *
 * and reads its one line on standard output, {@code RESULT messages=… callbacks=… duration_us=…
 * rate=… p50_us=… p99_us=… wrong=… ceiling_rate=… check=ok} (exit 0); anything wrong is told on
 * standard error and the exit status is 1 (2 for bad options). With {@code --ceiling PATH} the same
 * requests (same bodies, same order, same connections, same scheduling) first go to {@code PATH},
 * so that callbacks/s over the ceiling's req/s is measured by one client in one run. {@code
 * --check-only} posts nothing and checks the plan of {@code --seed} against every sent message;
 * {@code --messages N} storms (and checks) only the newest N fresh ones.
 *
 * <p>JDK only (and the kit's {@link Signature}): it speaks HTTP/1.1 over plain sockets, one per
 * connection, so that {@code --connections} is exactly the number of connections and the client
 * costs little CPU beside a server on the same small machine.
 */
public final class CallbackStorm {
  static final String QUEUED = "queued";
  static final String SENT = "sent";
  static final String DELIVERED = "delivered";

  /** What Twilio reports for a message that reaches the phone, in its order. */
  static final List<String> STATUSES = List.of(QUEUED, SENT, DELIVERED);

  /**
   * The ranks of these statuses as the server's {@code outbound.StatusOrder} gives them. A copy, on
   * purpose: that class is the server's (package-private), and this tool checks what the server
   * does rather than asks it.
   */
  private static final Map<String, Integer> RANK = Map.of(QUEUED, 2, SENT, 4, DELIVERED, 5);

  /** The share of messages with one status reported twice. */
  static final double REPEATED_SHARE = 0.10;

  /** The share of messages with a status reported after a later one. */
  static final double OUT_OF_ORDER_SHARE = 0.10;

  static final String API_VERSION = "2010-04-01";
  static final String STATUS_PATH = "/twilio/sms_status";
  static final String ENTRY_PARAM = "outbox";
  static final int PAGE_SIZE = 500;
  static final int MAX_SHOWN = 10;
  private static final int CONNECT_TIMEOUT_MS = 10_000;
  private static final int READ_TIMEOUT_MS = 60_000;

  private static final String USAGE =
      "usage: CallbackStorm --base http://127.0.0.1:PORT --auth-token T --events-token E"
          + " [--connections N (16)] [--seed S (1)] [--ceiling PATH] [--account-sid AC…]"
          + " [--messages N] [--check-only]";

  private CallbackStorm() {}

  public static void main(String[] args) {
    System.exit(run(args, System.getenv(), System.out, System.err));
  }

  // ---------------------------------------------------------------------------------------------
  // options

  /**
   * What to storm. {@code accountSid} is the {@code AccountSid} of the callbacks of messages of the
   * default account: {@code /messages} names an entry's account ({@code default}, or a name of
   * {@code twilio.accounts.<name>}), not its SID.
   */
  record Options(
      String base,
      String authToken,
      String eventsToken,
      int connections,
      long seed,
      boolean checkOnly,
      String ceiling,
      String accountSid,
      int limit) {

    static Options parse(String[] args, Map<String, String> env) {
      Map<String, String> given = new HashMap<>();
      boolean checkOnly = false;
      for (int i = 0; i < args.length; i++) {
        String name = args[i];
        switch (name) {
          case "--check-only" -> checkOnly = true;
          case "--base",
              "--auth-token",
              "--events-token",
              "--connections",
              "--seed",
              "--ceiling",
              "--messages",
              "--account-sid" -> {
            if (i + 1 >= args.length) {
              throw new IllegalArgumentException(name + " needs a value");
            }
            given.put(name, args[++i]);
          }
          default -> throw new IllegalArgumentException("unknown option " + name);
        }
      }
      String base = required(given, "--base");
      while (base.endsWith("/")) {
        base = base.substring(0, base.length() - 1);
      }
      URI uri = URI.create(base);
      if (!"http".equals(uri.getScheme()) || uri.getHost() == null) {
        throw new IllegalArgumentException("--base is an http:// URL: " + base);
      }
      String ceiling = given.get("--ceiling");
      if (ceiling != null && !ceiling.startsWith("/")) {
        throw new IllegalArgumentException("--ceiling is a path from /: " + ceiling);
      }
      int connections = Integer.parseInt(given.getOrDefault("--connections", "16"));
      if (connections < 1) {
        throw new IllegalArgumentException("--connections is 1 or more");
      }
      String accountSid =
          given.getOrDefault(
              "--account-sid",
              env.getOrDefault("TWILIO_ACCOUNT_SID", "AC00000000000000000000000000000000"));
      return new Options(
          base,
          required(given, "--auth-token"),
          required(given, "--events-token"),
          connections,
          Long.parseLong(given.getOrDefault("--seed", "1")),
          checkOnly,
          ceiling,
          accountSid,
          Integer.parseInt(given.getOrDefault("--messages", String.valueOf(Integer.MAX_VALUE))));
    }

    private static String required(Map<String, String> given, String name) {
      String value = given.get(name);
      if (value == null || value.isBlank()) {
        throw new IllegalArgumentException(name + " is required");
      }
      return value;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // the run

  /** Runs the storm (or only the check) and tells the result; the exit status. */
  static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
    Options options;
    try {
      options = Options.parse(args, env);
    } catch (IllegalArgumentException e) {
      err.println("CallbackStorm: " + e.getMessage());
      err.println(USAGE);
      return 2;
    }
    try {
      return run(options, out, err);
    } catch (IOException e) {
      err.println("CallbackStorm: " + e);
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      err.println("CallbackStorm: interrupted");
      return 1;
    }
  }

  private static int run(Options options, PrintStream out, PrintStream err)
      throws IOException, InterruptedException {
    List<Map<String, Object>> before = fetchMessages(options.base(), options.eventsToken());
    // A storm needs messages no status was reported for yet: a status already recorded would make
    // its callback a repeat and the plan's expectations wrong. The check alone plans every sent
    // message, as the storm did when they were all fresh.
    List<Message> messages = sentMessages(before, !options.checkOnly());
    int skipped = sentMessages(before, false).size() - messages.size();
    if (skipped > 0) {
      err.println(
          "CallbackStorm: "
              + skipped
              + " sent messages already have a status history: left out of the storm");
    }
    if (messages.isEmpty()) {
      err.println(
          "CallbackStorm: no sent message (state sent, with a sid"
              + (options.checkOnly() ? "" : ", no history yet")
              + ") in "
              + options.base()
              + "/messages");
      return 1;
    }
    if (messages.size() > options.limit()) {
      messages = messages.subList(0, options.limit()); // the newest, as /messages lists them
    }
    List<Plan> plans = plan(messages, options.seed());

    String result;
    int wrong = 0;
    String ceilingRate = "-";
    if (options.checkOnly()) {
      result = "callbacks=0 duration_us=- rate=- p50_us=- p99_us=- wrong=0";
    } else {
      int[] sequence = interleave(plans, options.seed());
      List<Callback> callbacks =
          callbacks(options.base(), options.authToken(), options.accountSid(), plans, sequence);
      String host = URI.create(options.base()).getRawAuthority();
      String basePath = URI.create(options.base()).getRawPath();
      byte[][] storm = new byte[callbacks.size()][];
      for (int slot = 0; slot < storm.length; slot++) {
        Callback callback = callbacks.get(slot);
        storm[slot] = post(host, callback.target(), callback.signature(), callback.body());
      }
      Http[] connections = new Http[options.connections()];
      for (int i = 0; i < connections.length; i++) {
        connections[i] = new Http(options.base());
      }
      try {
        if (options.ceiling() != null) {
          // the same requests to the ceiling, in the same order and by the same scheduling, over
          // the same connections: the ratio storm/ceiling then compares the server's work only
          byte[][] ceiling = new byte[callbacks.size()][];
          for (int slot = 0; slot < ceiling.length; slot++) {
            Callback callback = callbacks.get(slot);
            ceiling[slot] =
                post(host, basePath + options.ceiling(), callback.signature(), callback.body());
          }
          Load load = load(connections, ceiling, sequence, plans.size(), "ceiling", err);
          if (load.wrong() > 0) {
            err.println(
                "CallbackStorm: the ceiling "
                    + options.ceiling()
                    + " answered "
                    + load.wrong()
                    + " requests with other than 200");
            return 1;
          }
          ceilingRate = oneDecimal(load.rate());
        }
        Load load = load(connections, storm, sequence, plans.size(), "callback", err);
        wrong = load.wrong();
        result =
            "callbacks="
                + storm.length
                + " duration_us="
                + load.nanos() / 1000
                + " rate="
                + oneDecimal(load.rate())
                + " p50_us="
                + percentile(load.latencies(), 50) / 1000
                + " p99_us="
                + percentile(load.latencies(), 99) / 1000
                + " wrong="
                + wrong;
      } finally {
        for (Http connection : connections) {
          connection.close();
        }
      }
    }

    List<String> differences = check(fetchMessages(options.base(), options.eventsToken()), plans);
    for (String difference : differences.subList(0, Math.min(MAX_SHOWN, differences.size()))) {
      err.println("CallbackStorm: " + difference);
    }
    if (differences.size() > MAX_SHOWN) {
      err.println("CallbackStorm: … " + (differences.size() - MAX_SHOWN) + " more differences");
    }
    boolean ok = differences.isEmpty() && wrong == 0;
    out.println(
        "RESULT messages="
            + plans.size()
            + " "
            + result
            + " ceiling_rate="
            + ceilingRate
            + " check="
            + (ok ? "ok" : "failed"));
    if (!ok) {
      err.println(
          "CallbackStorm: "
              + (wrong > 0 ? wrong + " callbacks not answered 200; " : "")
              + differences.size()
              + " differences between the plan and "
              + options.base()
              + "/messages");
      return 1;
    }
    return 0;
  }

  private static String oneDecimal(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }

  // ---------------------------------------------------------------------------------------------
  // the plan

  /** A message the server sent, as {@code /messages} shows it. */
  record Message(String id, String sid, String account, String from, String to) {}

  /** How a message's callbacks arrive. */
  enum Shape {
    /** queued, sent, delivered. */
    IN_ORDER,
    /** queued, sent, delivered with one of them twice in a row (the same callback again). */
    REPEATED,
    /** delivered before sent, or sent before queued. */
    OUT_OF_ORDER
  }

  /** The callbacks of one message, in the order they are to arrive. */
  record Plan(Message message, Shape shape, List<String> statuses) {

    /**
     * Each status planned, once, with whether it should move the entry's status forward: as the
     * server's rule says, a status moves it if it ranks after every status that arrived before; a
     * repeat records nothing.
     */
    Map<String, Boolean> forward() {
      Map<String, Boolean> forward = new LinkedHashMap<>();
      int reached = -1;
      for (String status : statuses) {
        if (!forward.containsKey(status)) {
          int rank = RANK.get(status);
          forward.put(status, rank > reached);
          reached = Math.max(reached, rank);
        }
      }
      return forward;
    }

    /** The furthest status planned: the entry's status once all arrived. */
    String furthest() {
      return statuses.stream().max((a, b) -> RANK.get(a) - RANK.get(b)).orElseThrow();
    }
  }

  /**
   * The plan of each message, in the order given. Each message's shape depends only on the seed and
   * its entry id, so that the plan of a message is the same whichever others are planned with it (a
   * check-only run sees every sent message; the storm only those without a history).
   */
  static List<Plan> plan(List<Message> messages, long seed) {
    List<Plan> plans = new ArrayList<>(messages.size());
    for (Message message : messages) {
      SplittableRandom random =
          new SplittableRandom(seed * 0x9E3779B97F4A7C15L ^ fnv64(message.id()));
      double draw = random.nextDouble();
      if (draw < REPEATED_SHARE) {
        int repeated = random.nextInt(STATUSES.size());
        List<String> statuses = new ArrayList<>(STATUSES);
        statuses.add(repeated + 1, STATUSES.get(repeated));
        plans.add(new Plan(message, Shape.REPEATED, List.copyOf(statuses)));
      } else if (draw < REPEATED_SHARE + OUT_OF_ORDER_SHARE) {
        List<String> statuses =
            random.nextBoolean()
                ? List.of(QUEUED, DELIVERED, SENT) // delivered overtook sent
                : List.of(SENT, QUEUED, DELIVERED); // sent overtook queued
        plans.add(new Plan(message, Shape.OUT_OF_ORDER, statuses));
      } else {
        plans.add(new Plan(message, Shape.IN_ORDER, STATUSES));
      }
    }
    return plans;
  }

  private static long fnv64(String text) {
    long hash = 0xcbf29ce484222325L;
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      hash = (hash ^ (b & 0xff)) * 0x100000001b3L;
    }
    return hash;
  }

  /**
   * The order the callbacks are posted in: slot {@code i} posts the next callback of plan {@code
   * sequence[i]}. Every plan appears once per callback, shuffled with the seed, so that the
   * callbacks of different messages interleave as a campaign's do; the k-th appearance of a plan is
   * its k-th callback, so each message's own order stays as planned.
   */
  static int[] interleave(List<Plan> plans, long seed) {
    int total = plans.stream().mapToInt(plan -> plan.statuses().size()).sum();
    int[] sequence = new int[total];
    int slot = 0;
    for (int plan = 0; plan < plans.size(); plan++) {
      for (int step = 0; step < plans.get(plan).statuses().size(); step++) {
        sequence[slot++] = plan;
      }
    }
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = sequence.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int kept = sequence[i];
      sequence[i] = sequence[j];
      sequence[j] = kept;
    }
    return sequence;
  }

  // ---------------------------------------------------------------------------------------------
  // the callbacks

  /** One signed status callback: where it goes, its form body and its signature. */
  record Callback(
      int plan, String status, String url, String target, String body, String signature) {}

  /** The callback of each slot of {@code sequence} ({@link #interleave}). */
  static List<Callback> callbacks(
      String base, String authToken, String accountSid, List<Plan> plans, int[] sequence) {
    int[] next = new int[plans.size()];
    List<Callback> callbacks = new ArrayList<>(sequence.length);
    for (int plan : sequence) {
      String status = plans.get(plan).statuses().get(next[plan]++);
      callbacks.add(callback(base, authToken, accountSid, plans.get(plan).message(), plan, status));
    }
    return callbacks;
  }

  /** The callback reporting {@code status} of {@code message}, signed with {@code authToken}. */
  static Callback callback(
      String base, String authToken, String accountSid, Message message, int plan, String status) {
    String url = base + STATUS_PATH + "?" + ENTRY_PARAM + "=" + encode(message.id());
    Map<String, List<String>> params = params(message, status, accountSid);
    URI uri = URI.create(url);
    return new Callback(
        plan,
        status,
        url,
        uri.getRawPath() + "?" + uri.getRawQuery(),
        form(params),
        // signed over the URL exactly as requested, as Twilio signs the callback URL it was given
        Signature.of(authToken, url, params));
  }

  /**
   * Twilio's parameters of a message's status callback, in the order it sends them. The default
   * account's entries carry {@code accountSid}; an entry of a named account carries its name (the
   * log does not show its SID; the server then checks the signature with its default auth token).
   */
  static Map<String, List<String>> params(Message message, String status, String accountSid) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    params.put("MessageSid", List.of(message.sid()));
    params.put("SmsSid", List.of(message.sid()));
    params.put(
        "AccountSid",
        List.of("default".equals(message.account()) ? accountSid : message.account()));
    if (message.from() != null) {
      params.put("From", List.of(message.from()));
    }
    params.put("To", List.of(message.to()));
    params.put("MessageStatus", List.of(status));
    params.put("SmsStatus", List.of(status));
    params.put("ApiVersion", List.of(API_VERSION));
    return params;
  }

  static String form(Map<String, List<String>> params) {
    StringBuilder form = new StringBuilder();
    params.forEach(
        (name, values) -> {
          for (String value : values) {
            form.append(form.length() == 0 ? "" : "&")
                .append(encode(name))
                .append('=')
                .append(encode(value));
          }
        });
    return form.toString();
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  /**
   * A whole request, made once before the storm so that posting costs a write, with an {@code
   * I-Twilio-Idempotency-Token} of its own, as Twilio sends each delivery (a repeated status is a
   * delivery of its own, not a retry of one: the outbox, not the replay of a token, must record it
   * once).
   */
  static byte[] post(String host, String target, String signature, String body) {
    byte[] content = body.getBytes(StandardCharsets.UTF_8);
    String head =
        "POST "
            + target
            + " HTTP/1.1\r\nHost: "
            + host
            + "\r\nUser-Agent: TwilioProxy/1.1\r\nAccept: */*\r\n"
            + "I-Twilio-Idempotency-Token: "
            + UUID.randomUUID()
            + "\r\n"
            + "Content-Type: application/x-www-form-urlencoded; charset=utf-8\r\n"
            + Signature.HEADER
            + ": "
            + signature
            + "\r\nContent-Length: "
            + content.length
            + "\r\n\r\n";
    byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
    byte[] request = Arrays.copyOf(headBytes, headBytes.length + content.length);
    System.arraycopy(content, 0, request, headBytes.length, content.length);
    return request;
  }

  // ---------------------------------------------------------------------------------------------
  // the load

  /** What a load measured: its wall time, the latency of each request, the answers not 200. */
  record Load(long nanos, long[] latencies, int wrong) {
    double rate() {
      return latencies.length * 1e9 / Math.max(1, nanos);
    }
  }

  /**
   * Which slot to post next. A slot is only given out when no callback of its message is in flight:
   * an out-of-order message is only out of order if its late status is posted after the
   * earlier-ranked one was answered (and so recorded); posted at once over two connections, the
   * server could take them in either order, and a repeat could race its original (a duplicate key
   * on the history rather than the repeat's path). Slots are given out in sequence order, skipping
   * those whose message is in flight, so the shuffle still decides the interleaving.
   */
  static final class Schedule {
    private final int[] sequence;
    private final boolean[] taken;
    private final boolean[] inFlight;
    private int head;
    private int left;
    private int waiting;

    Schedule(int[] sequence, int plans) {
      this.sequence = sequence;
      this.taken = new boolean[sequence.length];
      this.inFlight = new boolean[plans];
      this.left = sequence.length;
    }

    /** The next slot to post, waiting while every one left has its message in flight; -1: none. */
    synchronized int next() throws InterruptedException {
      while (left > 0) {
        while (head < taken.length && taken[head]) {
          head++;
        }
        // skipped slots belong to the few messages in flight (at most one per connection)
        for (int slot = head; slot < taken.length; slot++) {
          if (!taken[slot] && !inFlight[sequence[slot]]) {
            taken[slot] = true;
            inFlight[sequence[slot]] = true;
            left--;
            return slot;
          }
        }
        waiting++;
        try {
          wait();
        } finally {
          waiting--;
        }
      }
      return -1;
    }

    /** Slot {@code slot} was answered: its message's next callback may go. */
    synchronized void done(int slot) {
      inFlight[sequence[slot]] = false;
      if (waiting > 0) {
        notifyAll();
      }
    }
  }

  /**
   * Posts {@code requests} over {@code connections}, one worker each: a worker posts, waits for the
   * answer, and posts the next slot {@link Schedule} gives it. The latency of each slot is kept in
   * an array made beforehand, for exact percentiles without allocating while measuring.
   */
  static Load load(
      Http[] connections,
      byte[][] requests,
      int[] sequence,
      int plans,
      String what,
      PrintStream err)
      throws IOException, InterruptedException {
    for (Http connection : connections) {
      connection.open(); // connected before the clock starts, as wrk does
    }
    Schedule schedule = new Schedule(sequence, plans);
    long[] latencies = new long[requests.length];
    AtomicInteger wrong = new AtomicInteger();
    AtomicBoolean told = new AtomicBoolean();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    CountDownLatch start = new CountDownLatch(1);
    Thread[] workers = new Thread[connections.length];
    for (int i = 0; i < workers.length; i++) {
      Http http = connections[i];
      workers[i] =
          new Thread(
              () -> {
                try {
                  start.await();
                  for (int slot = schedule.next(); slot >= 0; slot = schedule.next()) {
                    long begun = System.nanoTime();
                    String problem;
                    try {
                      Http.Answer answer = http.exchange(requests[slot]);
                      problem =
                          answer.status() == 200
                              ? null
                              : "HTTP " + answer.status() + ": " + answer.text();
                    } catch (IOException e) {
                      problem = e.toString();
                    }
                    latencies[slot] = System.nanoTime() - begun;
                    schedule.done(slot);
                    if (problem != null) {
                      wrong.incrementAndGet();
                      if (!told.getAndSet(true)) {
                        err.println(
                            "CallbackStorm: first wrong "
                                + what
                                + " answer, to "
                                + firstLine(requests[slot])
                                + ": "
                                + problem);
                      }
                    }
                  }
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                } catch (RuntimeException | Error e) {
                  failure.compareAndSet(null, e);
                }
              },
              "storm-" + what + "-" + i);
      workers[i].start();
    }
    long begun = System.nanoTime();
    start.countDown();
    for (Thread worker : workers) {
      worker.join();
    }
    long nanos = System.nanoTime() - begun;
    if (failure.get() != null) {
      throw new IllegalStateException("a worker failed", failure.get());
    }
    return new Load(nanos, latencies, wrong.get());
  }

  private static String firstLine(byte[] request) {
    String text = new String(request, 0, Math.min(request.length, 300), StandardCharsets.US_ASCII);
    int end = text.indexOf('\r');
    return end < 0 ? text : text.substring(0, end);
  }

  /** The exact {@code p}th percentile (nearest rank) of {@code values}. */
  static long percentile(long[] values, int p) {
    if (values.length == 0) {
      return 0;
    }
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }

  // ---------------------------------------------------------------------------------------------
  // the check

  /**
   * Every entry of {@code GET <base>/messages}, all pages of {@value #PAGE_SIZE}, newest first. The
   * log pages by offset: an entry created while it is read shifts the pages and would be seen
   * twice, so an id is kept once.
   */
  static List<Map<String, Object>> fetchMessages(String base, String eventsToken)
      throws IOException {
    List<Map<String, Object>> entries = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    URI uri = URI.create(base);
    try (Http http = new Http(base)) {
      for (int page = 1; ; page++) {
        String target = uri.getRawPath() + "/messages?size=" + PAGE_SIZE + "&page=" + page;
        String request =
            "GET "
                + target
                + " HTTP/1.1\r\nHost: "
                + uri.getRawAuthority()
                + "\r\nAccept: application/json\r\nAuthorization: Bearer "
                + eventsToken
                + "\r\n\r\n";
        Http.Answer answer = http.exchange(request.getBytes(StandardCharsets.UTF_8));
        if (answer.status() != 200) {
          throw new IOException(
              "GET " + target + ": HTTP " + answer.status() + ": " + answer.text());
        }
        Object json;
        try {
          json = Json.parse(answer.text());
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
          throw new IOException("GET " + target + ": " + e.getMessage(), e);
        }
        if (!(json instanceof Map<?, ?> object) || !(object.get("messages") instanceof List<?>)) {
          throw new IOException("GET " + target + ": no messages in " + answer.text());
        }
        for (Object item : (List<?>) object.get("messages")) {
          @SuppressWarnings("unchecked")
          Map<String, Object> entry = (Map<String, Object>) item;
          if (seen.add(String.valueOf(entry.get("id")))) {
            entries.add(entry);
          }
        }
        if (object.get("next") == null) {
          return entries;
        }
      }
    }
  }

  /**
   * The messages the server sent: {@code state} sent, with a {@code sid}; with {@code fresh}, only
   * those no status was reported for yet (an empty {@code history}).
   */
  static List<Message> sentMessages(List<Map<String, Object>> entries, boolean fresh) {
    List<Message> messages = new ArrayList<>();
    for (Map<String, Object> entry : entries) {
      if (!SENT.equals(entry.get("state")) || entry.get("sid") == null) {
        continue;
      }
      if (fresh && entry.get("history") instanceof List<?> history && !history.isEmpty()) {
        continue;
      }
      messages.add(
          new Message(
              (String) entry.get("id"),
              (String) entry.get("sid"),
              (String) entry.getOrDefault("account", "default"),
              (String) entry.get("from"),
              (String) entry.get("to")));
    }
    return messages;
  }

  /**
   * What differs between the plans and the log's {@code entries}, one line each, in plan order: per
   * planned message, each planned status in its {@code history} exactly once (a repeat recorded
   * once), no other status there, {@code forward} true exactly on the statuses that ranked after
   * all before them (false on the late one of an out-of-order message), and the entry's {@code
   * status} the furthest planned. The history's order is not checked: the log orders it by the
   * millisecond recorded, then by name, so statuses of one millisecond come alphabetically, not as
   * they arrived; {@code forward} tells the order that counted.
   */
  static List<String> check(List<Map<String, Object>> entries, List<Plan> plans) {
    Map<String, Map<String, Object>> byId = new HashMap<>();
    for (Map<String, Object> entry : entries) {
      byId.put(String.valueOf(entry.get("id")), entry);
    }
    List<String> differences = new ArrayList<>();
    for (Plan plan : plans) {
      String id = plan.message().id();
      String which = "entry " + id + " [planned " + String.join(",", plan.statuses()) + "]: ";
      Map<String, Object> entry = byId.get(id);
      if (entry == null) {
        differences.add(which + "not in /messages");
        continue;
      }
      Object status = entry.get("status");
      if (!plan.furthest().equals(status)) {
        differences.add(
            which + "status is " + quoted(status) + ", expected " + quoted(plan.furthest()));
      }
      Map<String, Integer> times = new LinkedHashMap<>();
      Map<String, Boolean> forward = new HashMap<>();
      Object history = entry.get("history");
      if (history instanceof List<?> items) {
        for (Object item : items) {
          Map<?, ?> recorded = (Map<?, ?>) item;
          String name = String.valueOf(recorded.get("status"));
          times.merge(name, 1, Integer::sum);
          forward.putIfAbsent(name, Boolean.TRUE.equals(recorded.get("forward")));
        }
      }
      Map<String, Boolean> expected = plan.forward();
      expected.forEach(
          (name, moves) -> {
            int count = times.getOrDefault(name, 0);
            if (count == 0) {
              differences.add(which + quoted(name) + " missing from history");
              return;
            }
            if (count > 1) {
              differences.add(which + quoted(name) + " recorded " + count + " times in history");
            }
            if (!moves.equals(forward.get(name))) {
              differences.add(
                  which
                      + quoted(name)
                      + " has forward="
                      + forward.get(name)
                      + ", expected "
                      + moves);
            }
          });
      times.keySet().stream()
          .filter(name -> !expected.containsKey(name))
          .forEach(name -> differences.add(which + "unexpected " + quoted(name) + " in history"));
    }
    return differences;
  }

  private static String quoted(Object text) {
    return text == null ? "none" : "\"" + text + "\"";
  }

  // ---------------------------------------------------------------------------------------------
  // HTTP/1.1 and JSON, JDK only

  /**
   * One HTTP/1.1 keep-alive connection: writes a whole request, reads the answer (Content-Length,
   * chunked, or up to the close), reconnects after a {@code Connection: close}.
   */
  static final class Http implements Closeable {
    /** An answer: status and body. */
    record Answer(int status, byte[] body) {
      String text() {
        return new String(body, StandardCharsets.UTF_8);
      }
    }

    private final String host;
    private final int port;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private boolean used;
    private int read;

    Http(String base) {
      URI uri = URI.create(base);
      this.host = uri.getHost();
      this.port = uri.getPort() < 0 ? 80 : uri.getPort();
    }

    void open() throws IOException {
      if (socket == null) {
        Socket opened = new Socket();
        opened.setTcpNoDelay(true);
        opened.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MS);
        opened.setSoTimeout(READ_TIMEOUT_MS);
        socket = opened;
        in = new BufferedInputStream(opened.getInputStream(), 16 * 1024);
        out = opened.getOutputStream();
        used = false;
      }
    }

    Answer exchange(byte[] request) throws IOException {
      for (boolean retried = false; ; retried = true) {
        open();
        boolean reused = used;
        read = 0;
        try {
          out.write(request);
          out.flush();
          used = true;
          return answer();
        } catch (IOException e) {
          close();
          // A kept-alive connection the server closed while idle fails before any byte of an
          // answer: nothing was processed, so the request goes again once on a new connection.
          if (!reused || read > 0 || retried) {
            throw e;
          }
        }
      }
    }

    private Answer answer() throws IOException {
      String statusLine = line();
      if (statusLine == null) {
        throw new IOException("connection closed before an answer");
      }
      String[] parts = statusLine.split(" ", 3);
      if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
        throw new IOException("not an HTTP answer: " + statusLine);
      }
      int status = Integer.parseInt(parts[1]);
      long length = -1;
      boolean chunked = false;
      boolean closing = parts[0].equals("HTTP/1.0");
      for (String header = line(); header != null && !header.isEmpty(); header = line()) {
        int colon = header.indexOf(':');
        if (colon < 0) {
          continue;
        }
        String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
        String value = header.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
        switch (name) {
          case "content-length" -> length = Long.parseLong(value);
          case "transfer-encoding" -> chunked = value.contains("chunked");
          case "connection" -> closing = value.contains("close");
          default -> {}
        }
      }
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      if (status / 100 == 1 || status == 204 || status == 304) {
        length = 0;
      }
      if (chunked) {
        for (long size = chunkSize(); size > 0; size = chunkSize()) {
          copy(body, size);
          line(); // the CRLF after the chunk
        }
        for (String trailer = line(); trailer != null && !trailer.isEmpty(); trailer = line()) {
          // trailers: none expected
        }
      } else if (length >= 0) {
        copy(body, length);
      } else {
        in.transferTo(body);
        closing = true;
      }
      if (closing) {
        close();
      }
      return new Answer(status, body.toByteArray());
    }

    private long chunkSize() throws IOException {
      String line = line();
      if (line == null) {
        throw new IOException("connection closed within a chunked answer");
      }
      int extension = line.indexOf(';');
      return Long.parseLong((extension < 0 ? line : line.substring(0, extension)).trim(), 16);
    }

    private void copy(ByteArrayOutputStream body, long length) throws IOException {
      byte[] buffer = new byte[8192];
      for (long left = length; left > 0; ) {
        int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
        if (n < 0) {
          throw new IOException("connection closed within an answer");
        }
        read += n;
        body.write(buffer, 0, n);
        left -= n;
      }
    }

    /** A line without its CRLF; null at the end of the stream before any byte. */
    private String line() throws IOException {
      StringBuilder line = new StringBuilder();
      for (int b = in.read(); ; b = in.read()) {
        if (b < 0) {
          return line.length() == 0 ? null : line.toString();
        }
        read++;
        if (b == '\n') {
          int end = line.length();
          return end > 0 && line.charAt(end - 1) == '\r'
              ? line.substring(0, end - 1)
              : line.toString();
        }
        line.append((char) b);
      }
    }

    @Override
    public void close() {
      if (socket != null) {
        try {
          socket.close();
        } catch (IOException e) {
          // closing anyway
        }
        socket = null;
      }
    }
  }

  /** Just enough JSON for the log: objects, arrays, strings, numbers, true, false, null. */
  static final class Json {
    private final String text;
    private int at;

    private Json(String text) {
      this.text = text;
    }

    /** {@code text} as maps, lists, strings, longs or doubles, booleans and nulls. */
    static Object parse(String text) {
      Json json = new Json(text);
      Object value = json.value();
      json.space();
      if (json.at != text.length()) {
        throw json.error("text after the value");
      }
      return value;
    }

    private Object value() {
      space();
      if (at >= text.length()) {
        throw error("a value expected");
      }
      char c = text.charAt(at);
      switch (c) {
        case '{':
          return object();
        case '[':
          return array();
        case '"':
          return string();
        case 't':
          return word("true", Boolean.TRUE);
        case 'f':
          return word("false", Boolean.FALSE);
        case 'n':
          return word("null", null);
        default:
          return number();
      }
    }

    private Map<String, Object> object() {
      Map<String, Object> object = new LinkedHashMap<>();
      at++;
      space();
      if (peek() == '}') {
        at++;
        return object;
      }
      while (true) {
        space();
        if (peek() != '"') {
          throw error("a name expected");
        }
        String name = string();
        space();
        expect(':');
        object.put(name, value());
        space();
        if (peek() == ',') {
          at++;
        } else {
          expect('}');
          return object;
        }
      }
    }

    private List<Object> array() {
      List<Object> array = new ArrayList<>();
      at++;
      space();
      if (peek() == ']') {
        at++;
        return array;
      }
      while (true) {
        array.add(value());
        space();
        if (peek() == ',') {
          at++;
        } else {
          expect(']');
          return array;
        }
      }
    }

    private String string() {
      StringBuilder string = new StringBuilder();
      at++;
      while (true) {
        if (at >= text.length()) {
          throw error("an unterminated string");
        }
        char c = text.charAt(at++);
        if (c == '"') {
          return string.toString();
        }
        if (c != '\\') {
          string.append(c);
          continue;
        }
        char escaped = text.charAt(at++);
        switch (escaped) {
          case 'b' -> string.append('\b');
          case 'f' -> string.append('\f');
          case 'n' -> string.append('\n');
          case 'r' -> string.append('\r');
          case 't' -> string.append('\t');
          case 'u' -> {
            string.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
            at += 4;
          }
          default -> string.append(escaped); // " \ /
        }
      }
    }

    private Object number() {
      int start = at;
      while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
        at++;
      }
      String number = text.substring(start, at);
      if (number.isEmpty()) {
        throw error("a value expected");
      }
      try {
        return number.matches("-?\\d+") ? (Object) Long.valueOf(number) : Double.valueOf(number);
      } catch (NumberFormatException e) {
        throw error("a bad number " + number);
      }
    }

    private Object word(String word, Object value) {
      if (!text.startsWith(word, at)) {
        throw error(word + " expected");
      }
      at += word.length();
      return value;
    }

    private void space() {
      while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
        at++;
      }
    }

    private char peek() {
      return at < text.length() ? text.charAt(at) : '\0';
    }

    private void expect(char c) {
      if (peek() != c) {
        throw error("'" + c + "' expected");
      }
      at++;
    }

    private IllegalArgumentException error(String what) {
      return new IllegalArgumentException("JSON at " + at + ": " + what);
    }
  }
}
