package io.picolabs.twilio.testkit;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code application/x-www-form-urlencoded}, both ways, keeping repeated names and their order. */
public final class Form {
  private Form() {}

  /** The form's encoding: {@code name=value&…}, UTF-8. */
  public static String encode(Map<String, List<String>> params) {
    StringBuilder form = new StringBuilder();
    params.forEach(
        (name, values) -> {
          for (String value : values) {
            if (form.length() > 0) {
              form.append('&');
            }
            form.append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
          }
        });
    return form.toString();
  }

  /** The parameters of an encoded form (or query string), in order. */
  public static Map<String, List<String>> decode(String encoded) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    if (encoded == null || encoded.isEmpty()) {
      return params;
    }
    for (String pair : encoded.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      params
          .computeIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8), n -> new ArrayList<>())
          .add(URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return params;
  }

  /** Single-valued parameters as a form's map. */
  public static Map<String, List<String>> of(Map<String, String> single) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    single.forEach((name, value) -> params.put(name, List.of(value)));
    return params;
  }
}
