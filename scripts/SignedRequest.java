import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Sends a request to the server as Twilio would, for trying rules locally. Needs only Java:
 *
 * <pre>
 * java scripts/SignedRequest.java http://localhost:9080/twilio/inbound_call From=+8015552311
 * java scripts/SignedRequest.java http://localhost:9080/events/notification/status phone_number=+1... message=Hi
 * java scripts/SignedRequest.java --shared-key http://localhost:9080/twilio/inbound_call From=+8015552311
 * </pre>
 *
 * A /twilio/ URL is posted as a form signed with X-Twilio-Signature (token: TWILIO_AUTH_TOKEN); an
 * /events/ URL is posted as a form with "Authorization: Bearer" (token: EVENTS_TOKEN). Prints the
 * status and the answer. With --shared-key first, a /twilio/ URL is signed as Twilio signs for an
 * account with shared keys instead: HMAC-SHA256 with the first key of TWILIO_WEBHOOK_SHARED_KEYS
 * (the server's {@code <key id>:<secret>,…}), named in X-Twilio-Webhooks-Signature-Settings. With
 * --sign first, sends nothing and prints the signature, then the form body, one per line (for load
 * generators). With --sign-each N first, prints N such requests, one per line as signature, a tab,
 * the form body, where {i} in a value is replaced by 0000000 … N-1 (seven digits): {@code
 * --sign-each 3000 URL From=+1801{i} Digits=7} for 3,000 callers.
 */
public class SignedRequest {

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println(
          "usage: java scripts/SignedRequest.java [--shared-key] URL [Name=value ...]");
      System.exit(2);
    }
    boolean sharedKey = args[0].equals("--shared-key");
    if (sharedKey) {
      args = List.of(args).subList(1, args.length).toArray(new String[0]);
      if (args.length < 1 || args[0].startsWith("--sign")) {
        // the printed lines carry no settings header: a load generator could not send the key's
        System.err.println("--shared-key sends one request; --sign and --sign-each use the token");
        System.exit(2);
      }
    }
    if (args[0].equals("--sign-each")) {
      signEach(Integer.parseInt(args[1]), args[2], List.of(args).subList(3, args.length));
      return;
    }
    boolean signOnly = args[0].equals("--sign");
    int first = signOnly ? 1 : 0;
    String url = args[first];
    Map<String, List<String>> params = new TreeMap<>();
    String form = form(List.of(args).subList(first + 1, args.length), params);
    if (signOnly) {
      System.out.println(sign(required("TWILIO_AUTH_TOKEN"), url, params));
      System.out.println(form);
      return;
    }
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form));
    if (url.contains("/events/")) {
      request.header("Authorization", "Bearer " + required("EVENTS_TOKEN"));
    } else if (sharedKey) {
      // the first pair, as the server reads it: the id up to the first ':', then the secret
      String pair = required("TWILIO_WEBHOOK_SHARED_KEYS").split(",")[0].strip();
      int colon = pair.indexOf(':');
      if (colon < 1) {
        System.err.println("TWILIO_WEBHOOK_SHARED_KEYS holds <key id>:<secret> pairs");
        System.exit(2);
      }
      String keyId = pair.substring(0, colon).strip();
      String secret = pair.substring(colon + 1).strip();
      request.header(
          "X-Twilio-Webhooks-Signature-Settings", "key=" + keyId + ",algorithm=HMAC_SHA256");
      request.header("X-Twilio-Signature", sign("HmacSHA256", secret, url, params));
    } else {
      request.header("X-Twilio-Signature", sign(required("TWILIO_AUTH_TOKEN"), url, params));
    }
    HttpResponse<String> response =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .build()
            .send(request.build(), HttpResponse.BodyHandlers.ofString());
    System.out.println(response.statusCode());
    System.out.println(response.body());
  }

  private static void signEach(int count, String url, List<String> template) throws Exception {
    String token = required("TWILIO_AUTH_TOKEN");
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < count; i++) {
      String number = String.format("%07d", i);
      Map<String, List<String>> params = new TreeMap<>();
      String form = form(template.stream().map(arg -> arg.replace("{i}", number)).toList(), params);
      out.append(sign(token, url, params)).append('\t').append(form).append('\n');
    }
    System.out.print(out);
  }

  /** The form body of {@code Name=value} arguments, each also put into {@code params}. */
  private static String form(List<String> args, Map<String, List<String>> params) {
    StringBuilder form = new StringBuilder();
    for (String arg : args) {
      int equals = arg.indexOf('=');
      String name = equals < 0 ? arg : arg.substring(0, equals);
      String value = equals < 0 ? "" : arg.substring(equals + 1);
      params.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
      form.append(form.length() == 0 ? "" : "&")
          .append(URLEncoder.encode(name, StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }
    return form.toString();
  }

  private static String required(String variable) {
    String value = System.getenv(variable);
    if (value == null || value.isBlank()) {
      System.err.println("set " + variable + " to the value the server was started with");
      System.exit(2);
    }
    return value;
  }

  /** Twilio's algorithm: URL, then each name and its values (sorted), HMAC-SHA1, Base64. */
  private static String sign(String token, String url, Map<String, List<String>> params)
      throws Exception {
    return sign("HmacSHA1", token, url, params);
  }

  /** The same text under the HMAC {@code algorithm} keyed with {@code secret}. */
  private static String sign(
      String algorithm, String secret, String url, Map<String, List<String>> params)
      throws Exception {
    StringBuilder text = new StringBuilder(url);
    params.forEach(
        (name, values) -> values.stream().sorted().forEach(v -> text.append(name).append(v)));
    Mac mac = Mac.getInstance(algorithm);
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
    return Base64.getEncoder()
        .encodeToString(mac.doFinal(text.toString().getBytes(StandardCharsets.UTF_8)));
  }
}
