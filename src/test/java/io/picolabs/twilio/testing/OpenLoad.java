package io.picolabs.twilio.testing;

import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * An open-model HTTP load generator: POSTs signed Twilio-style requests at a fixed rate and reports
 * latency percentiles measured from each request's due time. Needs only the JDK.
 *
 * <p>{@code scripts/benchmark} runs it from the benchmark build's test classes, with the requests
 * files it writes for wrk ({@code java scripts/SignedRequest.java --sign-each N URL params...}: one
 * {@code signature<TAB>form body} per line):
 *
 * <pre>
 * java -cp target/benchmark/test-classes io.picolabs.twilio.testing.OpenLoad \
 *   --url http://127.0.0.1:9180/twilio/inbound_call --requests target/benchmark/wrk/call.requests \
 *   --rate 2000 --seconds 5 --expect greeting.xml [--tokens RUNID] [--connections 256]
 * </pre>
 *
 * Each request is a POST of the line's body with {@code Content-Type:
 * application/x-www-form-urlencoded} and {@code X-Twilio-Signature: <signature>}, the lines taken
 * in turn; with {@code --tokens RUNID}, each also carries {@code I-Twilio-Idempotency-Token:
 * RUNID-<i>} (i = the request's number in the schedule, from 0), so RUNID must differ between runs
 * against one database. An answer is right when it is 200 and its body is the {@code --expect}
 * file's bytes, exactly (write that file with {@code printf '%s'}, not {@code echo}, which adds a
 * newline). It prints one line, here wrapped (this one from a trivial local server on a busy
 * machine), and exits 0:
 *
 * <pre>
 * RESULT requests=10000 duration_us=4999974 rate=2000.0 p50_us=405 p90_us=1448 p99_us=67507
 *   p999_us=98313 max_us=102993 wrong=0 errors=0 late=311
 * </pre>
 *
 * or exits 1 with a message on stderr for bad options. {@code requests} is rate × seconds, all sent
 * and all answered (or failed) before it prints; {@code duration_us} runs from the first request's
 * due time to the last answer; the percentiles are exact (nearest rank) over every request, errors
 * included; {@code wrong} counts answers that are not 200 with the expected body, {@code errors}
 * connect and I/O errors and answers not complete 10 s after the request was sent; {@code late}
 * counts requests sent more than 10 ms after their due time. {@code rate} is requests over that
 * duration, so a short run reads a little above {@code --rate} (n requests are due over (n - 1) /
 * rate). A failed request is not sent again (a POST must not be repeated): a server that closes an
 * idle keep-alive connection without {@code Connection: close} can race with a request sent on it,
 * which then counts as an error, as with wrk.
 *
 * <p>Why an open model: wrk (a closed model) sends a connection's next request only when its last
 * answer arrived, so a server that stalls is simply offered less load, and the stall shows neither
 * in the rate nor, much, in the latencies ("coordinated omission"). Here request i is due at {@code
 * start + i / rate} whatever happened before, and its latency runs from that due time: a stalled
 * server, a full in-flight cap ({@code --connections}) or a generator that fell behind all make
 * requests wait, and that wait is counted. {@code late} shows when the generator itself did not
 * keep up.
 *
 * <p>Why raw sockets, not java.net.http.HttpClient with sendAsync: measured on this project's
 * 2-core machine (busy with other builds at the time), 3000 req/s for 10 s against a trivial local
 * com.sun.net.httpserver server. HttpClient completes every answer through CompletableFuture's
 * default executor, which with fewer than 3 cores is a new thread per task: 30,000 threads started,
 * 991 req/s achieved, 42 s of CPU. With the common pool forced to 2 threads: 2100 to 2600 req/s,
 * every request late, 15 to 18 s of CPU. This client: 3000.0 req/s in about 6 s of CPU (2000 req/s
 * for 5 s: under 3 s, the JVM's start included). So one thread here paces the schedule and one
 * drives non-blocking HTTP/1.1 connections through a Selector, one request in flight per connection
 * (no pipelining), reusing idle connections: a write and a read per request, no thread hop per
 * answer. The cost is plain {@code http://} only (no TLS) and a small HTTP/1.1 answer parser
 * (Content-Length, chunked, or until the server closes).
 */
public final class OpenLoad {

  /** An answer not complete this long after its request was sent counts as an error. */
  static final long TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(10);

  /** A request sent later than this after its due time counts as late. */
  static final long LATE_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

  private static final String USAGE =
      "usage: OpenLoad --url http://HOST:PORT/PATH --requests FILE --rate PER_SECOND --seconds S"
          + " --expect FILE [--tokens RUNID] [--connections N]";

  private static final Set<String> OPTIONS =
      Set.of("--url", "--requests", "--rate", "--seconds", "--expect", "--tokens", "--connections");

  private OpenLoad() {}

  /** One line of the requests file. */
  public record Line(String signature, String body) {}

  /**
   * A run: where to, what, how fast and for how long; {@code tokens} is the run id, or null for
   * requests without an idempotency token; {@code connections} caps the requests in flight.
   */
  public record Options(
      URI url,
      List<Line> lines,
      double rate,
      double seconds,
      byte[] expected,
      String tokens,
      int connections) {

    /** How many requests the run sends: rate × seconds. */
    public int count() {
      return (int) Math.round(rate * seconds);
    }
  }

  /** What a run measured; times in µs. {@link #toString} is the RESULT line. */
  public record Result(
      long requests,
      long durationMicros,
      double rate,
      long p50Micros,
      long p90Micros,
      long p99Micros,
      long p999Micros,
      long maxMicros,
      long wrong,
      long errors,
      long late) {

    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "RESULT requests=%d duration_us=%d rate=%.1f p50_us=%d p90_us=%d p99_us=%d p999_us=%d"
              + " max_us=%d wrong=%d errors=%d late=%d",
          requests,
          durationMicros,
          rate,
          p50Micros,
          p90Micros,
          p99Micros,
          p999Micros,
          maxMicros,
          wrong,
          errors,
          late);
    }
  }

  public static void main(String[] args) throws IOException, InterruptedException {
    Options options;
    try {
      options = parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("OpenLoad: " + e.getMessage());
      System.err.println(USAGE);
      System.exit(1);
      return;
    }
    System.out.println(run(options));
  }

  /** The options of a command line; an IllegalArgumentException says what is wrong with them. */
  public static Options parse(String... args) {
    Map<String, String> given = new HashMap<>();
    for (int i = 0; i < args.length; i += 2) {
      if (!OPTIONS.contains(args[i])) {
        throw new IllegalArgumentException("unknown option " + args[i]);
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(args[i] + " needs a value");
      }
      if (given.put(args[i], args[i + 1]) != null) {
        throw new IllegalArgumentException(args[i] + " given twice");
      }
    }
    for (String option : List.of("--url", "--requests", "--rate", "--seconds", "--expect")) {
      if (!given.containsKey(option)) {
        throw new IllegalArgumentException(option + " is required");
      }
    }
    URI url;
    try {
      url = new URI(given.get("--url"));
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("--url: " + e.getMessage());
    }
    if (!"http".equalsIgnoreCase(url.getScheme()) || url.getHost() == null) {
      throw new IllegalArgumentException("--url must be an http://HOST[:PORT]/PATH URL (no TLS)");
    }
    double rate = positive("--rate", given.get("--rate"));
    double seconds = positive("--seconds", given.get("--seconds"));
    if (Math.round(rate * seconds) < 1 || rate * seconds > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException("--rate × --seconds must be from 1 to 2^31 requests");
    }
    int connections = 256;
    if (given.containsKey("--connections")) {
      double value = positive("--connections", given.get("--connections"));
      if (value != Math.rint(value) || value > 65_535) {
        throw new IllegalArgumentException("--connections must be a whole number up to 65535");
      }
      connections = (int) value;
    }
    String tokens = given.get("--tokens");
    if (tokens != null && (tokens.isBlank() || !tokens.chars().allMatch(c -> c > 32 && c < 127))) {
      throw new IllegalArgumentException("--tokens needs a run id of visible ASCII characters");
    }
    List<Line> lines = new ArrayList<>();
    for (String line : read("--requests", given.get("--requests")).split("\r?\n")) {
      if (line.isEmpty()) {
        continue;
      }
      int tab = line.indexOf('\t');
      if (tab < 0) {
        throw new IllegalArgumentException("--requests: a line is not signature<TAB>body: " + line);
      }
      lines.add(new Line(line.substring(0, tab), line.substring(tab + 1)));
    }
    if (lines.isEmpty()) {
      throw new IllegalArgumentException("--requests: the file has no requests");
    }
    byte[] expected = read("--expect", given.get("--expect")).getBytes(StandardCharsets.UTF_8);
    return new Options(url, List.copyOf(lines), rate, seconds, expected, tokens, connections);
  }

  private static double positive(String option, String text) {
    double value;
    try {
      value = Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " must be a number, not " + text);
    }
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(option + " must be positive, not " + text);
    }
    return value;
  }

  private static String read(String option, String file) {
    try {
      return Files.readString(Path.of(file), StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException(option + ": cannot read " + file + " (" + e + ")");
    }
  }

  /**
   * Sends {@code options.count()} requests on the open schedule, waits for every answer (or its
   * error or timeout) and returns what it measured.
   */
  public static Result run(Options options) throws IOException, InterruptedException {
    try (Load load = new Load(options)) {
      return load.run();
    }
  }

  /**
   * The nearest-rank percentile of sorted values: the smallest value that at least {@code perMille}
   * thousandths of all values are at or below (in integers: 0.999 × 1000 is not 999 in doubles).
   */
  static long percentile(long[] sorted, int perMille) {
    long rank = ((long) sorted.length * perMille + 999) / 1000;
    return sorted[(int) Math.max(0, rank - 1)];
  }

  /** One run: the schedule's thread, and the connections driven on the thread that calls run. */
  private static final class Load implements AutoCloseable {
    private final Options options;
    private final int count;
    private final double intervalNanos;
    private final InetSocketAddress address;
    private final byte[][] heads; // per line: request line and headers, without the blank line
    private final byte[][] bodies;
    private final byte[] tokenHeader; // "I-Twilio-Idempotency-Token: RUNID-", or null
    private final int largestRequest;
    private final Selector selector;
    private final Consumer<SelectionKey> onReady = this::ready;

    /** Requests below this number are due; set by the schedule's thread, read by the driver. */
    private final AtomicInteger released = new AtomicInteger();

    // Everything below belongs to the driver thread alone.
    /**
     * Nanoseconds from each request's due time to its answer: one preallocated slot per request, no
     * per-request recording objects, exact percentiles by sorting at the end.
     */
    private final long[] latencies;

    private final ArrayDeque<Connection> idle = new ArrayDeque<>();
    private long start;
    private long lastAnswer;
    private int open;
    private int next; // the next request to send
    private int finished; // requests answered or failed
    private long wrong;
    private long errors;
    private long late;
    private boolean wrongShown;
    private boolean errorShown;

    Load(Options options) throws IOException {
      this.options = options;
      count = options.count();
      intervalNanos = 1e9 / options.rate();
      URI url = options.url();
      String host = url.getHost();
      int port = url.getPort() < 0 ? 80 : url.getPort();
      // an IPv6 literal is bracketed in a URL and in Host, not in an address
      String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
      address = new InetSocketAddress(bare, port);
      String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
      String target = url.getRawQuery() == null ? path : path + "?" + url.getRawQuery();
      int lines = options.lines().size();
      heads = new byte[lines][];
      bodies = new byte[lines][];
      tokenHeader =
          options.tokens() == null
              ? null
              : ("I-Twilio-Idempotency-Token: " + options.tokens() + "-")
                  .getBytes(StandardCharsets.ISO_8859_1);
      int largest = 0;
      for (int l = 0; l < lines; l++) {
        Line line = options.lines().get(l);
        bodies[l] = line.body().getBytes(StandardCharsets.UTF_8);
        heads[l] =
            ("POST "
                    + target
                    + " HTTP/1.1\r\nHost: "
                    + host
                    + (url.getPort() < 0 ? "" : ":" + port)
                    + "\r\nContent-Type: application/x-www-form-urlencoded\r\nX-Twilio-Signature: "
                    + line.signature()
                    + "\r\nContent-Length: "
                    + bodies[l].length
                    + "\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        largest = Math.max(largest, heads[l].length + bodies[l].length);
      }
      // the token's number (at most 10 digits) and three line ends
      largestRequest = largest + (tokenHeader == null ? 0 : tokenHeader.length + 10) + 6;
      latencies = new long[count];
      selector = Selector.open();
    }

    Result run() throws IOException, InterruptedException {
      connectFirst();
      start = System.nanoTime();
      lastAnswer = start;
      Thread schedule = new Thread(this::schedule, "OpenLoad-schedule");
      schedule.setDaemon(true);
      schedule.start();
      try {
        long checked = start;
        while (finished < count) {
          sendDue();
          // wakes for I/O, for the schedule releasing requests, or to look for timeouts
          selector.select(onReady, 100);
          long now = System.nanoTime();
          if (now - checked >= TimeUnit.MILLISECONDS.toNanos(100)) {
            expire(now);
            checked = now;
          }
        }
      } finally {
        schedule.interrupt(); // done already, unless the driver failed
      }
      schedule.join();

      Arrays.sort(latencies);
      long durationNanos = lastAnswer - start;
      return new Result(
          count,
          durationNanos / 1000,
          count / (Math.max(1, durationNanos) / 1e9),
          percentile(latencies, 500) / 1000,
          percentile(latencies, 900) / 1000,
          percentile(latencies, 990) / 1000,
          percentile(latencies, 999) / 1000,
          latencies[count - 1] / 1000,
          wrong,
          errors,
          late);
    }

    /**
     * Opens one connection before the clock starts (no request on it), so that the first request
     * does not pay for the generator's own first connect and class loading and start late. If it
     * fails, the run's requests will say so.
     */
    private void connectFirst() throws IOException {
      Connection first = new Connection();
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
      try {
        while (!first.channel.isConnected() && System.nanoTime() - until < 0) {
          if (selector.select(100) > 0) {
            selector.selectedKeys().clear();
            first.channel.finishConnect();
          }
        }
      } catch (IOException e) {
        first.close();
        return;
      }
      if (first.channel.isConnected()) {
        first.key.interestOps(SelectionKey.OP_READ);
        idle.addLast(first);
      } else {
        first.close();
      }
    }

    /** When request i is due: from the start each time, so that rounding does not accumulate. */
    private long due(int i) {
      return start + (long) (i * intervalNanos);
    }

    /**
     * The schedule's thread: releases each request at its due time, whatever happened to the ones
     * before it (the open model), and wakes the driver. Behind, it releases all that are due at
     * once.
     */
    private void schedule() {
      int i = 0;
      while (i < count) {
        for (long wait = due(i) - System.nanoTime(); wait > 0; wait = due(i) - System.nanoTime()) {
          LockSupport.parkNanos(wait);
          if (Thread.currentThread().isInterrupted()) {
            return;
          }
        }
        long now = System.nanoTime();
        while (i < count && due(i) - now <= 0) {
          i++;
        }
        released.set(i);
        selector.wakeup();
      }
    }

    /** Sends the requests that are due, as far as the cap on requests in flight allows. */
    private void sendDue() {
      int due = released.get();
      while (next < due) {
        Connection connection = idle.pollLast(); // the most recently used: warm, surely open
        if (connection == null) {
          if (open >= options.connections()) {
            // the cap: the rest wait, and that wait counts in their latency (from due time)
            return;
          }
          try {
            connection = new Connection();
          } catch (IOException e) {
            failed(next++, e);
            continue;
          }
        }
        connection.send(next++);
      }
    }

    private void ready(SelectionKey key) {
      Connection connection = (Connection) key.attachment();
      try {
        if (key.isConnectable()) {
          if (connection.channel.finishConnect()) {
            connection.write();
          }
        } else if (key.isWritable()) {
          connection.write();
        } else if (key.isReadable()) {
          connection.read();
        }
      } catch (IOException | CancelledKeyException e) {
        connection.fail(e);
      }
    }

    /** Fails the requests that have waited too long for their answer. */
    private void expire(long now) {
      for (SelectionKey key : new ArrayList<>(selector.keys())) {
        Connection connection = (Connection) key.attachment();
        if (connection.request >= 0 && now - connection.sentAt > TIMEOUT_NANOS) {
          connection.fail(new SocketTimeoutException("no answer within 10 s"));
        }
      }
    }

    private void answered(int request, int status, byte[] body, int length) {
      finish(request);
      if (status != 200
          || !Arrays.equals(body, 0, length, options.expected(), 0, options.expected().length)) {
        wrong++;
        if (!wrongShown) {
          wrongShown = true;
          String text = new String(body, 0, length, StandardCharsets.UTF_8);
          System.err.println(
              "OpenLoad: first wrong answer: status "
                  + status
                  + ", body: "
                  + (text.length() > 300 ? text.substring(0, 300) + "…" : text));
        }
      }
    }

    private void failed(int request, Exception e) {
      finish(request);
      errors++;
      if (!errorShown) {
        errorShown = true;
        System.err.println("OpenLoad: first error: " + e);
      }
    }

    private void finish(int request) {
      long now = System.nanoTime();
      // from the due time, not the send: see the class comment
      latencies[request] = now - due(request);
      lastAnswer = now;
      finished++;
    }

    @Override
    public void close() throws IOException {
      for (SelectionKey key : selector.keys()) {
        key.channel().close();
      }
      selector.close();
    }

    /** What the answer parser expects next. */
    private enum Part {
      HEAD,
      BODY,
      CHUNK_SIZE,
      CHUNK,
      CHUNK_END,
      TRAILER,
      UNTIL_CLOSED
    }

    /** A connection to the server, with at most one request in flight. */
    private final class Connection {
      final SocketChannel channel;
      final SelectionKey key;
      final ByteBuffer out = ByteBuffer.allocate(largestRequest);
      ByteBuffer in = ByteBuffer.allocate(8192);
      int request = -1; // in flight, or -1 when idle
      long sentAt;
      boolean closed;
      // the answer so far
      Part part;
      int status;
      boolean closeAfter;
      long left; // bytes left of the body or the chunk
      byte[] body = new byte[1024];
      int bodyLength;

      Connection() throws IOException {
        channel = SocketChannel.open();
        open++;
        try {
          channel.configureBlocking(false);
          channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
          channel.connect(address);
          key = channel.register(selector, SelectionKey.OP_CONNECT, this);
        } catch (IOException | RuntimeException e) {
          open--;
          channel.close();
          throw e instanceof IOException io ? io : new IOException(e);
        }
      }

      void send(int request) {
        this.request = request;
        sentAt = System.nanoTime();
        if (sentAt - due(request) > LATE_NANOS) {
          late++;
        }
        int line = request % heads.length;
        out.clear();
        out.put(heads[line]);
        if (tokenHeader != null) {
          out.put(tokenHeader)
              .put(Integer.toString(request).getBytes(StandardCharsets.ISO_8859_1))
              .put((byte) '\r')
              .put((byte) '\n');
        }
        out.put((byte) '\r').put((byte) '\n').put(bodies[line]).flip();
        part = Part.HEAD;
        bodyLength = 0;
        if (channel.isConnected()) {
          try {
            write();
          } catch (IOException | CancelledKeyException e) {
            fail(e);
          }
        } // else written once connected (OP_CONNECT)
      }

      void write() throws IOException {
        channel.write(out);
        key.interestOps(out.hasRemaining() ? SelectionKey.OP_WRITE : SelectionKey.OP_READ);
      }

      void read() throws IOException {
        int read = channel.read(in);
        if (read < 0) { // the server closed the connection
          if (request >= 0 && part == Part.UNTIL_CLOSED) {
            int done = request;
            request = -1;
            answered(done, status, body, bodyLength);
          } else if (request >= 0) {
            throw new EOFException("the server closed the connection before the answer");
          }
          close();
          return;
        }
        if (read == 0) {
          return;
        }
        if (request < 0) {
          close(); // bytes nobody asked for: no answer on it can be trusted
          return;
        }
        in.flip();
        boolean complete = parse();
        in.compact();
        if (!complete) {
          if (!in.hasRemaining()) { // a head larger than the buffer
            if (in.capacity() >= 1 << 20) {
              throw new IOException("an answer's head over 1 MiB");
            }
            in = ByteBuffer.allocate(in.capacity() * 2).put(in.flip());
          }
          return;
        }
        int done = request;
        request = -1;
        answered(done, status, body, bodyLength);
        if (closeAfter || in.position() > 0) {
          close();
        } else {
          idle.addLast(this); // still read: a close by the server while idle is seen at once
        }
      }

      /** Takes what {@code in} holds of the answer; true once the whole answer is in. */
      boolean parse() throws IOException {
        while (true) {
          switch (part) {
            case HEAD -> {
              int end = find(in, "\r\n\r\n");
              if (end < 0) {
                return false;
              }
              head(text(end));
              in.position(end + 4);
              if (status / 100 == 1) { // 100 Continue and the like: the answer follows
                continue;
              }
              if (part == Part.BODY && left == 0) {
                return true;
              }
            }
            case BODY, CHUNK -> {
              int take = (int) Math.min(left, in.remaining());
              keep(take);
              left -= take;
              if (left > 0) {
                return false;
              }
              if (part == Part.BODY) {
                return true;
              }
              part = Part.CHUNK_END;
            }
            case CHUNK_SIZE -> {
              String line = line();
              if (line == null) {
                return false;
              }
              int semicolon = line.indexOf(';');
              try {
                left =
                    Long.parseLong(
                        (semicolon < 0 ? line : line.substring(0, semicolon)).strip(), 16);
              } catch (NumberFormatException e) {
                throw new IOException("a bad chunk size: " + line);
              }
              part = left == 0 ? Part.TRAILER : Part.CHUNK;
            }
            case CHUNK_END -> {
              String line = line();
              if (line == null) {
                return false;
              }
              if (!line.isEmpty()) {
                throw new IOException("a chunk longer than its size");
              }
              part = Part.CHUNK_SIZE;
            }
            case TRAILER -> {
              String line = line();
              if (line == null) {
                return false;
              }
              if (line.isEmpty()) {
                return true;
              }
            }
            case UNTIL_CLOSED -> {
              keep(in.remaining());
              return false;
            }
          }
        }
      }

      /** Reads the status line and the headers that say where the answer ends. */
      private void head(String head) throws IOException {
        int end = head.indexOf("\r\n");
        String statusLine = end < 0 ? head : head.substring(0, end);
        if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12) {
          throw new IOException("not an HTTP/1.x answer: " + statusLine);
        }
        try {
          status = Integer.parseInt(statusLine.substring(9, 12));
        } catch (NumberFormatException e) {
          throw new IOException("a bad status line: " + statusLine);
        }
        closeAfter = statusLine.startsWith("HTTP/1.0");
        long length = -1;
        boolean chunked = false;
        while (end >= 0) {
          int from = end + 2;
          end = head.indexOf("\r\n", from);
          String header = end < 0 ? head.substring(from) : head.substring(from, end);
          int colon = header.indexOf(':');
          if (colon < 0) {
            continue;
          }
          String name = header.substring(0, colon).strip().toLowerCase(Locale.ROOT);
          String value = header.substring(colon + 1).strip().toLowerCase(Locale.ROOT);
          switch (name) {
            case "content-length" -> {
              try {
                length = Long.parseLong(value);
              } catch (NumberFormatException e) {
                throw new IOException("a bad Content-Length: " + value);
              }
            }
            case "transfer-encoding" -> chunked = value.endsWith("chunked");
            case "connection" -> {
              if (value.contains("close")) {
                closeAfter = true;
              } else if (value.contains("keep-alive")) {
                closeAfter = false;
              }
            }
            default -> {}
          }
        }
        if (status / 100 == 1 || status == 204 || status == 304) {
          part = status / 100 == 1 ? Part.HEAD : Part.BODY;
          left = 0;
        } else if (chunked) {
          part = Part.CHUNK_SIZE;
        } else if (length >= 0) {
          part = Part.BODY;
          left = length;
        } else {
          part = Part.UNTIL_CLOSED; // no length: the answer ends when the server closes
          closeAfter = true;
        }
      }

      /** The next line of {@code in} without its CRLF, consumed; null while incomplete. */
      private String line() {
        int end = find(in, "\r\n");
        if (end < 0) {
          return null;
        }
        String line = text(end);
        in.position(end + 2);
        return line;
      }

      private String text(int end) {
        return new String(
            in.array(), in.position(), end - in.position(), StandardCharsets.ISO_8859_1);
      }

      /** Moves {@code n} bytes of {@code in} to the body. */
      private void keep(int n) {
        if (bodyLength + n > body.length) {
          body = Arrays.copyOf(body, Math.max(body.length * 2, bodyLength + n));
        }
        in.get(body, bodyLength, n);
        bodyLength += n;
      }

      void fail(Exception e) {
        if (request >= 0) {
          int failed = request;
          request = -1;
          failed(failed, e);
        }
        close();
      }

      void close() {
        if (closed) {
          return;
        }
        closed = true;
        open--;
        idle.remove(this);
        key.cancel();
        try {
          channel.close();
        } catch (IOException e) {
          // nothing left to do with it
        }
      }
    }

    /** Where {@code what} (ASCII) starts in the readable bytes of {@code buffer}, or -1. */
    private static int find(ByteBuffer buffer, String what) {
      byte[] array = buffer.array();
      int last = buffer.limit() - what.length();
      outer:
      for (int i = buffer.position(); i <= last; i++) {
        for (int j = 0; j < what.length(); j++) {
          if (array[i + j] != what.charAt(j)) {
            continue outer;
          }
        }
        return i;
      }
      return -1;
    }
  }
}
