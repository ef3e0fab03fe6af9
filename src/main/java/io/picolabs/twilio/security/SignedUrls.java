package io.picolabs.twilio.security;

import java.util.Locale;

/**
 * The spellings of one URL that Twilio may have signed.
 *
 * <p>Twilio is inconsistent about default ports: it may sign {@code https://host/path} or {@code
 * https://host:443/path} for the same request. Both are tried. Only the authority is touched: the
 * path and query stay byte for byte as they are ({@code %3A} stays {@code %3A}), where the official
 * Java SDK rebuilds the URL and decodes the query.
 */
public final class SignedUrls {

  private SignedUrls() {}

  /**
   * The URL Twilio requested of a proxy at {@code publicUrl} (an origin, maybe with a path) that
   * forwarded it here as {@code rawPath} and {@code rawQuery}, both still encoded.
   */
  public static String behind(String publicUrl, String rawPath, String rawQuery) {
    String base =
        publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    return base + rawPath + (rawQuery == null ? "" : "?" + rawQuery);
  }

  /** The same URL with the default port added or removed, or {@code null} if there is none. */
  public static String otherSpelling(String url) {
    int schemeEnd = url.indexOf("://");
    if (schemeEnd < 0) {
      return null;
    }
    String defaultPort = defaultPort(url.substring(0, schemeEnd));
    if (defaultPort == null) {
      return null;
    }
    int authorityStart = schemeEnd + 3;
    int authorityEnd = authorityStart;
    while (authorityEnd < url.length() && "/?#".indexOf(url.charAt(authorityEnd)) < 0) {
      authorityEnd++;
    }
    String authority = url.substring(authorityStart, authorityEnd);
    int portColon = authority.lastIndexOf(':');
    if (portColon > authority.lastIndexOf(']')) { // an explicit port (not a colon inside [IPv6])
      if (!authority.substring(portColon + 1).equals(defaultPort)) {
        return null;
      }
      return url.substring(0, authorityStart + portColon) + url.substring(authorityEnd);
    }
    return url.substring(0, authorityEnd) + ":" + defaultPort + url.substring(authorityEnd);
  }

  private static String defaultPort(String scheme) {
    return switch (scheme.toLowerCase(Locale.ROOT)) {
      case "https" -> "443";
      case "http" -> "80";
      default -> null;
    };
  }
}
