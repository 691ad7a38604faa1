package dev.authjvm.conformance.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code Set-Cookie} header as a browser would read it, kept raw so that checks can assert the
 * exact attributes (Path, HttpOnly, SameSite, Secure, Expires, Max-Age) and the encoding of the value.
 *
 * @param attributes lower-case attribute names; flags map to {@code ""}
 */
public record SetCookieHeader(String name, String rawValue, Map<String, String> attributes, String header) {

  public static SetCookieHeader parse(String header) {
    String[] parts = header.split(";");
    int eq = parts[0].indexOf('=');
    String name = eq < 0 ? parts[0].trim() : parts[0].substring(0, eq).trim();
    String value = eq < 0 ? "" : parts[0].substring(eq + 1).trim();
    Map<String, String> attributes = new LinkedHashMap<>();
    for (int i = 1; i < parts.length; i++) {
      String p = parts[i].trim();
      int e = p.indexOf('=');
      attributes.put((e < 0 ? p : p.substring(0, e)).trim().toLowerCase(Locale.ROOT), e < 0 ? "" : p.substring(e + 1).trim());
    }
    return new SetCookieHeader(name, value, attributes, header);
  }

  /** The value as the browser sends it back, percent-decoded as the server reads it. */
  public String value() {
    return URLDecoder.decode(rawValue.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  public boolean has(String attribute) {
    return attributes.containsKey(attribute.toLowerCase(Locale.ROOT));
  }

  public Optional<String> attribute(String attribute) {
    return Optional.ofNullable(attributes.get(attribute.toLowerCase(Locale.ROOT)));
  }

  /** A deletion: {@code Max-Age=0} or an expiry in the past is what clears a cookie. */
  public boolean isDeletion() {
    return "0".equals(attributes.get("max-age")) || rawValue.isEmpty() && attributes.containsKey("expires");
  }
}
