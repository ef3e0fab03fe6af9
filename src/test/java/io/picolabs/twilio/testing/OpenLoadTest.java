package io.picolabs.twilio.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OpenLoad against a local com.sun.net.httpserver server: exact counts, what each request carried,
 * and the open model's latencies (from the due time) in the direction that cannot flake: queueing
 * must show, never "must be faster than".
 */
class OpenLoadTest {
  private static final String ANSWER =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Say>Hello Monkey</Say></Response>";
  private static final List<String> LINES =
      List.of(
          "c2lnbmF0dXJlLTA=\tFrom=%2B18010000000&Digits=7",
          "c2lnbmF0dXJlLTE=\tFrom=%2B18010000001&Digits=7",
          "c2lnbmF0dXJlLTI=\tFrom=%2B18010000002&Digits=7&Extra=caf%C3%A9");

  @TempDir Path dir;
  private Path requests;
  private Path expected;
  private HttpServer server;
  private ExecutorService executor;
  private final ConcurrentLinkedQueue<Arrival> arrivals = new ConcurrentLinkedQueue<>();
  private final AtomicInteger arrived = new AtomicInteger();

  /** What the server saw of one request. */
  record Arrival(
      int number, String method, String contentType, String signature, String token, String body) {}

  /** How the server answers the request that arrived {@code number}th (from 1). */
  interface Answer {
    void answer(int number, HttpExchange exchange) throws Exception;
  }

  @BeforeAll
  static void nagle() {
    // The JDK server writes an answer's head and body apart; with Nagle on, the body waits for the
    // client's delayed ACK, ~40 ms an answer. Only speed depends on it: if an earlier test in this
    // JVM loaded the server's configuration first, this is ignored and the tests just run slower.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  @BeforeEach
  void files() throws IOException {
    requests = Files.writeString(dir.resolve("call.requests"), String.join("\n", LINES) + "\n");
    expected = Files.writeString(dir.resolve("expected.xml"), ANSWER);
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
    if (executor != null) {
      executor.shutdownNow();
    }
  }

  /** Starts the server on 127.0.0.1, port 0; records each request, then answers it. */
  private String serve(ExecutorService executor, Answer answer) throws IOException {
    this.executor = executor;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
    server.setExecutor(executor);
    server.createContext(
        "/",
        exchange -> {
          try (exchange) {
            int number = arrived.incrementAndGet();
            var headers = exchange.getRequestHeaders();
            arrivals.add(
                new Arrival(
                    number,
                    exchange.getRequestMethod(),
                    headers.getFirst("Content-Type"),
                    headers.getFirst("X-Twilio-Signature"),
                    headers.getFirst("I-Twilio-Idempotency-Token"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            answer.answer(number, exchange);
          } catch (Exception e) {
            throw new IOException(e);
          }
        });
    server.start();
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/twilio/inbound_call";
  }

  private static void answer(HttpExchange exchange, int status, String body, boolean chunked)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/xml");
    // 0: chunked transfer encoding; otherwise Content-Length
    exchange.sendResponseHeaders(status, chunked ? 0 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** Sleeps at least {@code millis}, even if woken early. */
  private static void sleepAtLeast(long millis) throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    for (long left = until - System.nanoTime(); left > 0; left = until - System.nanoTime()) {
      TimeUnit.NANOSECONDS.sleep(left);
    }
  }

  private OpenLoad.Result load(String url, String... more) throws Exception {
    List<String> args =
        new ArrayList<>(
            List.of("--url", url, "--requests", requests.toString(), "--expect", "" + expected));
    args.addAll(List.of(more));
    return OpenLoad.run(OpenLoad.parse(args.toArray(new String[0])));
  }

  @Test
  void sendsRateTimesSecondsRequestsEachLineInTurnWithDistinctTokens() throws Exception {
    String url = serve(Executors.newFixedThreadPool(4), (n, e) -> answer(e, 200, ANSWER, false));

    OpenLoad.Result result = load(url, "--rate", "100", "--seconds", "2", "--tokens", "run-7");

    assertEquals(200, arrived.get());
    assertEquals(200, result.requests());
    assertEquals(0, result.wrong());
    assertEquals(0, result.errors());
    Set<String> tokens = new HashSet<>();
    for (Arrival arrival : arrivals) {
      assertEquals("POST", arrival.method());
      assertEquals("application/x-www-form-urlencoded", arrival.contentType());
      assertTrue(arrival.token().startsWith("run-7-"), arrival.token());
      assertTrue(tokens.add(arrival.token()), "a token twice: " + arrival.token());
      // the token is the request's number in the schedule: request i carries line i mod 3
      int i = Integer.parseInt(arrival.token().substring("run-7-".length()));
      String[] line = LINES.get(i % LINES.size()).split("\t");
      assertEquals(line[0], arrival.signature(), "the signature of request " + i);
      assertEquals(line[1], arrival.body(), "the body of request " + i);
    }
    assertEquals(200, tokens.size());
    assertTrue(
        result
            .toString()
            .matches(
                "RESULT requests=200 duration_us=\\d+ rate=\\d+\\.\\d p50_us=\\d+ p90_us=\\d+"
                    + " p99_us=\\d+ p999_us=\\d+ max_us=\\d+ wrong=0 errors=0 late=\\d+"),
        result.toString());
    // the duration runs from the first due time to the last answer: the last is due at 1.99 s
    assertTrue(result.durationMicros() >= 1_990_000, result.toString());
  }

  @Test
  void withoutTokensSendsNoTokenAndTheLinesInTurn() throws Exception {
    String url = serve(Executors.newFixedThreadPool(4), (n, e) -> answer(e, 200, ANSWER, true));

    OpenLoad.Result result = load(url, "--rate", "100", "--seconds", "1");

    assertEquals(100, arrived.get());
    assertEquals(0, result.wrong()); // chunked answers are read whole
    assertEquals(0, result.errors());
    Map<String, Integer> perLine = new HashMap<>();
    for (Arrival arrival : arrivals) {
      assertEquals(null, arrival.token());
      perLine.merge(arrival.signature() + "\t" + arrival.body(), 1, Integer::sum);
    }
    assertEquals(Map.of(LINES.get(0), 34, LINES.get(1), 33, LINES.get(2), 33), perLine);
  }

  @Test
  void countsWrongStatusesAndBodiesExactly() throws Exception {
    String url =
        serve(
            Executors.newFixedThreadPool(4),
            (n, e) -> {
              if (n % 10 == 0) {
                answer(e, 500, "<error/>", false);
              } else if (n % 10 == 5) {
                answer(e, 200, ANSWER + "\n", n % 2 == 0); // one byte more: wrong
              } else {
                answer(e, 200, ANSWER, n % 2 == 0);
              }
            });

    OpenLoad.Result result = load(url, "--rate", "100", "--seconds", "2");

    assertEquals(200, arrived.get());
    assertEquals(200, result.requests());
    assertEquals(40, result.wrong(), result.toString()); // 20 statuses 500, 20 bodies
    assertEquals(0, result.errors());
  }

  @Test
  void aStalledRequestDoesNotHoldBackTheOthers() throws Exception {
    CountDownLatch tenMore = new CountDownLatch(10);
    AtomicBoolean othersCameMeanwhile = new AtomicBoolean();
    AtomicInteger stalled = new AtomicInteger();
    String url =
        serve(
            Executors.newCachedThreadPool(),
            (n, e) -> {
              if (n == 50) {
                stalled.set(n);
                // at least 500 ms, and until ten more requests arrived: an open generator keeps
                // sending while one answer is outstanding (a closed one with one connection never
                // would; give up after 5 s)
                long start = System.nanoTime();
                othersCameMeanwhile.set(tenMore.await(5, TimeUnit.SECONDS));
                sleepAtLeast(500 - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
              } else if (stalled.get() != 0) {
                tenMore.countDown();
              }
              answer(e, 200, ANSWER, false);
            });

    OpenLoad.Result result = load(url, "--rate", "100", "--seconds", "2");

    assertTrue(othersCameMeanwhile.get(), "no request arrived while one was stalled");
    assertEquals(200, arrived.get());
    assertEquals(200, result.requests());
    assertEquals(0, result.wrong());
    assertEquals(0, result.errors());
    assertTrue(result.maxMicros() >= 500_000, "the stall shows: " + result);
  }

  @Test
  void aSerialServerShowsItsQueueInTheLatencies() throws Exception {
    // one request at a time, 20 ms each: 50/s served of 100/s offered
    String url =
        serve(
            Executors.newSingleThreadExecutor(),
            (n, e) -> {
              sleepAtLeast(20);
              answer(e, 200, ANSWER, false);
            });

    OpenLoad.Result result = load(url, "--rate", "100", "--seconds", "1");

    assertEquals(100, arrived.get());
    assertEquals(0, result.wrong());
    assertEquals(0, result.errors());
    // the k-th answer comes at least 20 k ms after the start, and every request was due by 990 ms:
    // at most (990 + 200) / 20 = 59 of the 100 can have waited 200 ms or less from their due time
    assertTrue(result.p99Micros() > 200_000, result.toString());
    assertTrue(result.durationMicros() >= 2_000_000, result.toString());
    assertTrue(result.rate() <= 50.0, result.toString());
  }

  @Test
  void aFullConnectionCapDelaysRequestsAndTheWaitCounts() throws Exception {
    AtomicInteger inHandler = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    String url =
        serve(
            Executors.newFixedThreadPool(4),
            (n, e) -> {
              most.accumulateAndGet(inHandler.incrementAndGet(), Math::max);
              sleepAtLeast(20);
              inHandler.decrementAndGet(); // before the answer: the next request comes after it
              answer(e, 200, ANSWER, false);
            });

    // 20 requests due within 190 ms, one at a time, each at least 20 ms
    OpenLoad.Result result = load(url, "--rate", "100", "--seconds", "0.2", "--connections", "1");

    assertEquals(20, arrived.get());
    assertEquals(1, most.get(), "requests in flight at once");
    assertEquals(0, result.errors());
    // request i can leave only after i answers (20 i ms) but was due at 10 i ms: from i = 2 on it
    // is late, and the last one waited at least 400 - 190 ms
    assertTrue(result.late() >= 18, result.toString());
    assertTrue(result.maxMicros() >= 210_000, result.toString());
  }

  @Test
  void rejectsBadOptions() {
    String url = "http://127.0.0.1:1/x";
    String file = requests.toString();
    String answer = expected.toString();
    for (String[] args :
        List.of(
            new String[] {"--url", url, "--requests", file, "--rate", "10", "--seconds", "1"},
            new String[] {
              "--url", url, "--requests", file, "--rate", "x", "--seconds", "1", "--expect", answer
            },
            new String[] {
              "--url", url, "--requests", file, "--rate", "0", "--seconds", "1", "--expect", answer
            },
            new String[] {
              "--url",
              "https://127.0.0.1/x",
              "--requests",
              file,
              "--rate",
              "10",
              "--seconds",
              "1",
              "--expect",
              answer
            },
            new String[] {
              "--url",
              url,
              "--requests",
              "/nonexistent",
              "--rate",
              "10",
              "--seconds",
              "1",
              "--expect",
              answer
            },
            new String[] {
              "--url",
              url,
              "--requests",
              file,
              "--rate",
              "10",
              "--seconds",
              "1",
              "--expect",
              answer,
              "--connections",
              "0"
            },
            new String[] {
              "--url",
              url,
              "--requests",
              file,
              "--rate",
              "10",
              "--seconds",
              "1",
              "--expect",
              answer,
              "--bogus",
              "1"
            },
            new String[] {
              "--url", url, "--requests", file, "--rate", "10", "--seconds", "1", "--expect"
            })) {
      assertThrows(
          IllegalArgumentException.class, () -> OpenLoad.parse(args), String.join(" ", args));
    }
    OpenLoad.Options options =
        OpenLoad.parse(
            "--url",
            url,
            "--requests",
            file,
            "--rate",
            "2.5",
            "--seconds",
            "4",
            "--expect",
            answer);
    assertEquals(10, options.count());
    assertEquals(256, options.connections());
    assertEquals(3, options.lines().size());
    assertEquals(null, options.tokens());
  }

  @Test
  void percentilesAreNearestRank() {
    long[] values = new long[1000];
    for (int i = 0; i < values.length; i++) {
      values[i] = i + 1;
    }
    assertEquals(500, OpenLoad.percentile(values, 500));
    assertEquals(990, OpenLoad.percentile(values, 990));
    assertEquals(999, OpenLoad.percentile(values, 999));
    assertEquals(7, OpenLoad.percentile(new long[] {7}, 999));
    assertEquals(2, OpenLoad.percentile(new long[] {1, 2, 3}, 500));
  }
}
