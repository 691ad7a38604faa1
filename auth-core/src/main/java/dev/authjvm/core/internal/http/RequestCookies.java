package dev.authjvm.core.internal.http;

import dev.authjvm.core.http.HttpHeaders;
import dev.authjvm.core.internal.codec.UriComponent;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parses {@code Cookie} headers as the Node {@code cookie} package does: first occurrence of a name
 * wins, surrounding quotes are removed, values are percent-decoded, and anything malformed is skipped
 * rather than rejected.
 */
public final class RequestCookies {
  private RequestCookies() {}

  public static Map<String, String> parse(HttpHeaders headers) {
    Map<String, String> cookies = new LinkedHashMap<>();
    for (String header : headers.all("Cookie")) {
      for (String pair : header.split(";")) {
        int eq = pair.indexOf('=');
        if (eq < 0) {
          continue;
        }
        String name = pair.substring(0, eq).trim();
        if (name.isEmpty()) {
          continue;
        }
        String value = pair.substring(eq + 1).trim();
        if (value.length() >= 2 && value.charAt(0) == '"' && value.charAt(value.length() - 1) == '"') {
          value = value.substring(1, value.length() - 1);
        }
        cookies.putIfAbsent(name, UriComponent.decode(value, false));
      }
    }
    return Collections.unmodifiableMap(cookies);
  }
}
