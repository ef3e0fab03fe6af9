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
 * </pre>
 *
 * A /twilio/ URL is posted as a form signed with X-Twilio-Signature (token: TWILIO_AUTH_TOKEN); an
 * /events/ URL is posted as a form with "Authorization: Bearer" (token: EVENTS_TOKEN). Prints the
 * status and the answer. With --sign first, sends nothing and prints the signature, then the form
 * body, one per line (for load generators).
 */
public class SignedRequest {

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: java scripts/SignedRequest.java URL [Name=value ...]");
      System.exit(2);
    }
    boolean signOnly = args[0].equals("--sign");
    int first = signOnly ? 1 : 0;
    String url = args[first];
    Map<String, List<String>> params = new TreeMap<>();
    StringBuilder form = new StringBuilder();
    for (int i = first + 1; i < args.length; i++) {
      int equals = args[i].indexOf('=');
      String name = equals < 0 ? args[i] : args[i].substring(0, equals);
      String value = equals < 0 ? "" : args[i].substring(equals + 1);
      params.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
      form.append(form.length() == 0 ? "" : "&")
          .append(URLEncoder.encode(name, StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }
    if (signOnly) {
      System.out.println(sign(required("TWILIO_AUTH_TOKEN"), url, params));
      System.out.println(form);
      return;
    }
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form.toString()));
    if (url.contains("/events/")) {
      request.header("Authorization", "Bearer " + required("EVENTS_TOKEN"));
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
    StringBuilder text = new StringBuilder(url);
    params.forEach(
        (name, values) -> values.stream().sorted().forEach(v -> text.append(name).append(v)));
    Mac mac = Mac.getInstance("HmacSHA1");
    mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
    return Base64.getEncoder()
        .encodeToString(mac.doFinal(text.toString().getBytes(StandardCharsets.UTF_8)));
  }
}
