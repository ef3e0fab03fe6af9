package io.picolabs.twilio.testing;

import io.picolabs.twilio.security.TwilioSignature;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Twilio's side of many WebSocket sessions at once, for scripts/benchmark:
 *
 * <pre>
 * java -cp … SocketLoad relay URL SESSIONS SECONDS AUTH_TOKEN
 * java -cp … SocketLoad media URL STREAMS SECONDS AUTH_TOKEN
 * </pre>
 *
 * <p>{@code relay}: each session sends a {@code setup}, then prompts one after the other (closed
 * loop: the next when the answer to the last came), each answered by a message holding the prompt's
 * words; prints {@code RESULT sessions=… prompts=… rate=… p50_us=… p99_us=… errors=…}.
 *
 * <p>{@code media}: each stream sends a {@code start}, then a 160-byte frame every 20 ms on a fixed
 * schedule (open model: a frame is due at its time, whatever the answers do), each frame numbered
 * in its first bytes; the latency of a frame is from its due time to its echo's arrival; prints
 * {@code RESULT streams=… frames=… echoed=… lost=… p50_us=… p99_us=… late=… lead_p99_us=…
 * answered=…}. Frames still unanswered a second after the load are lost. The first {@value
 * #MEDIA_LEAD_SECONDS} seconds of frames are sent and echoed but not measured: this generator is a
 * new JVM each run, and while its own send path was still interpreted every stream fell behind
 * (every frame of the first 150–250 ms over 20 ms late, more than 1 % of a 10 s run: enough to set
 * the p99 alone). Their p99 is printed apart ({@code lead_p99_us}); {@code lost} counts them too,
 * as does {@code answered} (every frame echoed).
 *
 * <p>With {@code AUTH_TOKEN} {@code -}, upgrades are not signed (the ceiling's echo endpoint). The
 * sessions go through {@link LeanSockets} (two reader threads), not the JDK's client: see why
 * there.
 */
public final class SocketLoad {
  private static final long HISTOGRAM_MAX_US = 10_000_000;
  private static final int MEDIA_LEAD_SECONDS = 2;

  private SocketLoad() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 5) {
      System.err.println("usage: SocketLoad relay|media URL SESSIONS SECONDS AUTH_TOKEN|-");
      System.exit(2);
    }
    URI url = URI.create(args[1]);
    int sessions = Integer.parseInt(args[2]);
    int seconds = Integer.parseInt(args[3]);
    String token = args[4].equals("-") ? null : args[4];
    try (LeanSockets client = new LeanSockets(2)) {
      if (args[0].equals("relay")) {
        relay(client, url, sessions, seconds, token);
      } else {
        media(client, url, sessions, seconds, token);
      }
    }
    System.exit(0);
  }

  /** Latencies in microseconds, by whole microsecond up to 10 s, for exact percentiles. */
  static final class Histogram {
    private final AtomicLongArray counts = new AtomicLongArray((int) HISTOGRAM_MAX_US + 1);
    private final AtomicLong total = new AtomicLong();

    void add(long micros) {
      counts.incrementAndGet((int) Math.max(0, Math.min(HISTOGRAM_MAX_US, micros)));
      total.incrementAndGet();
    }

    long count() {
      return total.get();
    }

    long percentile(double p) {
      long rank = (long) Math.ceil(p * total.get());
      long seen = 0;
      for (int i = 0; i < counts.length(); i++) {
        seen += counts.get(i);
        if (seen >= rank && rank > 0) {
          return i;
        }
      }
      return 0;
    }
  }

  private static LeanSockets.Connection open(LeanSockets client, URI url, String token, Texts texts)
      throws IOException {
    return client.open(
        url,
        token == null
            ? Map.of()
            : Map.of(
                "X-Twilio-Signature", TwilioSignature.compute(token, url.toString(), Map.of())),
        texts::onMessage);
  }

  /** Whole text messages from the server. */
  private abstract static class Texts {
    abstract void onMessage(String text);
  }

  // ---- relay: prompts answered, closed loop ----

  private static final class RelaySession extends Texts {
    private final Histogram latencies;
    private long until; // guarded by this
    private final int id;
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private LeanSockets.Connection socket;
    private long sent;
    private int prompt;
    private String waitingFor;
    long errors;

    RelaySession(int id, Histogram latencies) {
      this.id = id;
      this.latencies = latencies;
    }

    synchronized void startUntil(long end) {
      until = end;
      next();
    }

    synchronized void next() {
      if (System.nanoTime() >= until) {
        waitingFor = null;
        done.complete(null);
        return;
      }
      waitingFor = "s" + id + "p" + prompt++;
      sent = System.nanoTime();
      socket.sendText(
          "{\"type\":\"prompt\",\"voicePrompt\":\""
              + waitingFor
              + "\",\"lang\":\"en-US\",\"last\":true}");
    }

    @Override
    synchronized void onMessage(String text) {
      if (waitingFor == null) {
        return;
      }
      if (!text.contains(waitingFor)) {
        if (text.contains("\"type\":\"text\"")) {
          errors++; // an answer, but not to this prompt
        }
        return; // the ceiling's echo of the setup
      }
      latencies.add((System.nanoTime() - sent) / 1000);
      next();
    }
  }

  private static void relay(LeanSockets client, URI url, int count, int seconds, String token)
      throws IOException {
    Histogram latencies = new Histogram();
    List<RelaySession> sessions = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      RelaySession session = new RelaySession(i, latencies);
      session.socket = open(client, url, token, session);
      session.socket.sendText(
          "{\"type\":\"setup\",\"sessionId\":\"VX"
              + i
              + "\",\"callSid\":\"CA"
              + i
              + "\",\"from\":\"+1801555"
              + String.format("%04d", i % 10_000)
              + "\",\"to\":\"+18005550100\",\"direction\":\"inbound\",\"customParameters\":{}}");
      sessions.add(session);
    }
    // all connected: the measured time starts now for every session
    long start = System.nanoTime();
    long end = start + TimeUnit.SECONDS.toNanos(seconds);
    for (RelaySession session : sessions) {
      session.startUntil(end);
    }
    CompletableFuture.allOf(sessions.stream().map(s -> s.done).toArray(CompletableFuture[]::new))
        .orTimeout(seconds + 60L, TimeUnit.SECONDS)
        .join();
    double elapsed = (System.nanoTime() - start) / 1e9;
    long errors = sessions.stream().mapToLong(s -> s.errors).sum();
    System.out.printf(
        "RESULT sessions=%d prompts=%d rate=%.1f p50_us=%d p99_us=%d errors=%d%n",
        count,
        latencies.count(),
        latencies.count() / elapsed,
        latencies.percentile(0.50),
        latencies.percentile(0.99),
        errors);
    sessions.forEach(s -> s.socket.abort());
  }

  // ---- media: frames echoed, open model ----

  private static final class MediaStream extends Texts {
    private final Histogram latencies;
    private final Histogram leadLatencies;
    private final long measuredFrom; // the first frame measured
    private final Map<Long, Long> due = new ConcurrentHashMap<>();
    private final String sid;
    private final int id;
    LeanSockets.Connection socket;
    final AtomicLong echoed = new AtomicLong(); // measured frames
    final AtomicLong answered = new AtomicLong(); // all frames, the lead's too

    MediaStream(int id, Histogram latencies, Histogram leadLatencies, long measuredFrom) {
      this.id = id;
      this.leadLatencies = leadLatencies;
      this.measuredFrom = measuredFrom;
      this.sid = "MZ" + id;
      this.latencies = latencies;
    }

    void send(long frame, long dueNanos) {
      byte[] audio = new byte[160];
      Arrays.fill(audio, (byte) 0xFF);
      ByteBuffer.wrap(audio).putLong(frame);
      due.put(frame, dueNanos);
      synchronized (this) {
        socket.sendText(
            "{\"event\":\"media\",\"sequenceNumber\":\""
                + (frame + 2)
                + "\",\"media\":{\"track\":\"inbound\",\"chunk\":\""
                + (frame + 1)
                + "\",\"timestamp\":\""
                + frame * 20
                + "\",\"payload\":\""
                + Base64.getEncoder().encodeToString(audio)
                + "\"},\"streamSid\":\""
                + sid
                + "\"}");
      }
    }

    @Override
    void onMessage(String text) {
      int at = text.indexOf("\"payload\":\"");
      if (at < 0) {
        return; // a mark
      }
      int from = at + 11;
      byte[] audio = Base64.getDecoder().decode(text.substring(from, text.indexOf('"', from)));
      long frame = ByteBuffer.wrap(audio).getLong();
      Long dueNanos = due.remove(frame);
      if (dueNanos == null) {
        return; // a frame echoed twice, or never sent
      }
      answered.incrementAndGet();
      long latency = (System.nanoTime() - dueNanos) / 1000;
      if (frame >= measuredFrom) {
        latencies.add(latency);
        echoed.incrementAndGet();
      } else {
        leadLatencies.add(latency);
      }
    }
  }

  private static void media(LeanSockets client, URI url, int count, int seconds, String token)
      throws InterruptedException, IOException {
    Histogram latencies = new Histogram();
    Histogram leadLatencies = new Histogram();
    List<MediaStream> streams = new ArrayList<>();
    long lead = MEDIA_LEAD_SECONDS * 50L; // frames sent before the measured ones
    for (int i = 0; i < count; i++) {
      MediaStream stream = new MediaStream(i, latencies, leadLatencies, lead);
      stream.socket = open(client, url, token, stream);
      stream.socket.sendText(
          "{\"event\":\"start\",\"sequenceNumber\":\"1\",\"start\":{\"accountSid\":\"AC1\","
              + "\"streamSid\":\""
              + stream.sid
              + "\",\"callSid\":\"CA"
              + i
              + "\",\"tracks\":[\"inbound\"],\"customParameters\":{},\"mediaFormat\":"
              + "{\"encoding\":\"audio/x-mulaw\",\"sampleRate\":8000,\"channels\":1}},"
              + "\"streamSid\":\""
              + stream.sid
              + "\"}");
      streams.add(stream);
    }
    Thread.sleep(500); // the starts handled
    int frames = seconds * 50;
    long start = System.nanoTime();
    AtomicLong late = new AtomicLong();
    // a slot a millisecond, stream i sending its frame n in slot 20n + i % 20, so the frames spread
    // over each 20 ms; two sending threads, one for the even slots, one for the odd (one task per
    // frame on a scheduled executor cost the generator more than the server's echo)
    List<Thread> senders = new ArrayList<>();
    for (int half = 0; half < 2; half++) {
      int first = half;
      Thread sender =
          new Thread(
              () -> {
                for (long slot = first; slot < (lead + frames) * 20L; slot += 2) { // its half
                  long dueNanos = start + TimeUnit.MILLISECONDS.toNanos(slot);
                  long wait = dueNanos - System.nanoTime();
                  if (wait > 0) {
                    java.util.concurrent.locks.LockSupport.parkNanos(wait);
                  }
                  for (int i = (int) (slot % 20); i < count; i += 20) {
                    if (slot / 20 >= lead
                        && System.nanoTime() - dueNanos > TimeUnit.MILLISECONDS.toNanos(20)) {
                      late.incrementAndGet(); // the generator itself fell behind
                    }
                    streams.get(i).send(slot / 20, dueNanos);
                  }
                }
              });
      sender.start();
      senders.add(sender);
    }
    for (Thread sender : senders) {
      sender.join();
    }
    Thread.sleep(1000);
    long echoed = streams.stream().mapToLong(s -> s.echoed.get()).sum();
    long answered = streams.stream().mapToLong(s -> s.answered.get()).sum();
    long sent = (long) frames * count;
    System.out.printf(
        "RESULT streams=%d frames=%d echoed=%d lost=%d p50_us=%d p99_us=%d late=%d"
            + " lead_p99_us=%d answered=%d%n",
        count,
        sent,
        echoed,
        (lead + frames) * count - answered,
        latencies.percentile(0.50),
        latencies.percentile(0.99),
        late.get(),
        leadLatencies.percentile(0.99),
        answered);
    streams.forEach(s -> s.socket.abort());
  }
}
