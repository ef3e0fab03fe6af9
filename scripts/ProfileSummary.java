import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the server's CPU time per request goes, from a JFR recording made under load:
 *
 * <pre>java scripts/ProfileSummary.java recording.jfr USER_CPU_US_PER_REQUEST</pre>
 *
 * Each execution sample counts once for every part whose frame is on its stack (inclusive), and
 * once for its top frame (self). A part's share of the samples times the user CPU the server spent
 * per request (measured from /proc by scripts/benchmark --profile) gives microseconds per request.
 * An estimate, and an upper one: JFR samples threads running Java code, so the user CPU of the
 * garbage collector and the JIT compiler is in the figure but in no sample; the kernel's time
 * (sockets, futex wake-ups, the database log's writes) is left out on both sides.
 */
public class ProfileSummary {
  /** Parts of one request, each a frame prefix (class, or class#method); inclusive, may nest. */
  static final Map<String, String> PARTS = new LinkedHashMap<>();

  static {
    PARTS.put(
        "HTTP channel: read, parse, write (com.ibm.ws.http, com.ibm.ws.tcpchannel)",
        "com.ibm.ws.http|com.ibm.ws.tcpchannel|com.ibm.io.async");
    PARTS.put("servlet container (com.ibm.ws.webcontainer)", "com.ibm.ws.webcontainer");
    PARTS.put(
        "  our servlet filter: the early response (ServletResponses)",
        "io.picolabs.twilio.http.ServletResponses#doFilter");
    PARTS.put("JAX-RS runtime (org.jboss.resteasy)", "org.jboss.resteasy");
    PARTS.put(
        "  our filters: signature check (SignatureCheck)",
        "io.picolabs.twilio.webhook.SignatureCheck");
    PARTS.put("    HMAC-SHA1 (TwilioSignature)", "io.picolabs.twilio.security.TwilioSignature");
    PARTS.put("    form parsing (FormBody)", "io.picolabs.twilio.http.FormBody");
    PARTS.put("    public origin (PublicOrigin)", "io.picolabs.twilio.http.PublicOrigin");
    PARTS.put("  our filters: body limit (BodyLimit)", "io.picolabs.twilio.http.BodyLimit");
    PARTS.put(
        "  our filters: outcomes and metrics (WebhookOutcomes, ops)",
        "io.picolabs.twilio.webhook.WebhookOutcomes|io.picolabs.twilio.ops");
    PARTS.put("  our resource (TwilioWebhook)", "io.picolabs.twilio.webhook.TwilioWebhook");
    PARTS.put("    replays (Replays)", "io.picolabs.twilio.webhook.Replays");
    PARTS.put(
        "      a delivery looked up (ReplayStore#find)",
        "io.picolabs.twilio.webhook.ReplayStore#find");
    PARTS.put(
        "    deadline: rules run, watched (Deadline#answer)",
        "io.picolabs.twilio.webhook.Deadline#answer");
    PARTS.put("      dispatch (RuleDispatch)", "io.picolabs.twilio.webhook.RuleDispatch");
    PARTS.put("        rules engine (RuleEngine)", "io.picolabs.twilio.event.RuleEngine");
    PARTS.put(
        "          a rule's commit (RuleTransaction)", "io.picolabs.twilio.event.RuleTransaction");
    PARTS.put("        TwiML writing (TwimlWriter)", "io.picolabs.twilio.twiml.TwimlWriter");
    PARTS.put(
        "answers written after answering (PendingAnswers)",
        "io.picolabs.twilio.webhook.PendingAnswers");
    PARTS.put("the deadline's watch (DeadlineWatch)", "io.picolabs.twilio.webhook.DeadlineWatch");
    PARTS.put(
        "status callbacks: the gate (StatusCallbacks)",
        "io.picolabs.twilio.outbound.StatusCallbacks");
    PARTS.put(
        "status records, written in shared commits (StatusRecords)",
        "io.picolabs.twilio.outbound.StatusRecords");
    PARTS.put(
        "the message log read (OutboundLog: the storm's listing and check, not a callback's)",
        "io.picolabs.twilio.outbound.OutboundLog");
    PARTS.put("the SDK's handler (SdkResource)", "io.picolabs.twilio.benchmark.SdkResource");
    PARTS.put("  RequestValidator", "com.twilio.security");
    PARTS.put("  TwiML builders and toXml()", "com.twilio.twiml");
    PARTS.put(
        "the ceiling's resource (CeilingResource)", "io.picolabs.twilio.benchmark.CeilingResource");
    PARTS.put("CDI (org.jboss.weld), anywhere", "org.jboss.weld");
    PARTS.put("JAXB, anywhere", "org.glassfish.jaxb|com.sun.xml.bind|jakarta.xml.bind");
    PARTS.put("JPA (org.eclipse.persistence), anywhere", "org.eclipse.persistence");
    PARTS.put("transactions (com.ibm.tx, com.ibm.ws.tx), anywhere", "com.ibm.tx|com.ibm.ws.tx");
    PARTS.put(
        "connection pool (com.ibm.ejs.j2c, com.ibm.ws.rsadapter), anywhere",
        "com.ibm.ejs.j2c|com.ibm.ws.rsadapter");
    PARTS.put("Derby (org.apache.derby), anywhere", "org.apache.derby");
    PARTS.put("PostgreSQL's driver (org.postgresql), anywhere", "org.postgresql");
  }

  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[0]);
    double cpuPerRequest = Double.parseDouble(args[1]);
    Map<String, Integer> inclusive = new HashMap<>();
    Map<String, Integer> self = new HashMap<>();
    Map<String, Integer> threads = new HashMap<>();
    int samples = 0;
    for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
      if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
        continue;
      }
      RecordedStackTrace stack = event.getStackTrace();
      if (stack == null || stack.getFrames().isEmpty()) {
        continue;
      }
      samples++;
      String thread = event.getThread("sampledThread").getJavaName();
      threads.merge(thread == null ? "?" : thread.replaceAll("[-#]?\\d+", "N"), 1, Integer::sum);
      List<String> frames = new ArrayList<>();
      for (RecordedFrame frame : stack.getFrames()) {
        frames.add(frame.getMethod().getType().getName() + "#" + frame.getMethod().getName());
      }
      self.merge(frames.get(0), 1, Integer::sum);
      PARTS.forEach(
          (part, prefixes) -> {
            for (String frame : frames) {
              if (matches(frame, prefixes)) {
                inclusive.merge(part, 1, Integer::sum);
                return;
              }
            }
          });
    }
    System.out.printf(
        "%d samples; the server's user CPU per request: %.1f µs (all threads, from /proc)%n",
        samples, cpuPerRequest);
    System.out.printf(
        "%-72s %7s %9s%n",
        "part (inclusive: nested parts are within the one above)", "share", "µs/req");
    for (String part : PARTS.keySet()) {
      int n = inclusive.getOrDefault(part, 0);
      if (n == 0) {
        continue;
      }
      double share = (double) n / samples;
      System.out.printf("%-72s %6.1f%% %9.1f%n", part, 100 * share, share * cpuPerRequest);
    }
    System.out.println("threads sampled:");
    top(threads, samples, cpuPerRequest, 6);
    System.out.println("top frames (self):");
    top(self, samples, cpuPerRequest, 15);
  }

  static boolean matches(String frame, String prefixes) {
    for (String prefix : prefixes.split("\\|")) {
      if (frame.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  static void top(Map<String, Integer> counts, int samples, double cpuPerRequest, int limit) {
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .limit(limit)
        .forEach(
            e -> {
              double share = (double) e.getValue() / samples;
              System.out.printf(
                  "  %-70s %6.1f%% %9.1f%n", e.getKey(), 100 * share, share * cpuPerRequest);
            });
  }
}
