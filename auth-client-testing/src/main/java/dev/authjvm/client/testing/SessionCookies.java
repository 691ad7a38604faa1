package dev.authjvm.client.testing;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Session cookies minted for a user: one cookie, or the chunks {@code name.0}, {@code name.1}, ... of a
 * large token, exactly as the server would set them after a sign-in. Hand them to whatever sends your
 * test's requests (an {@code AuthClient}, {@code java.net.http}, RestAssured, a servlet test client).
 *
 * @param cookies cookie names to values, in order
 */
public record SessionCookies(Map<String, String> cookies) {
  public SessionCookies {
    cookies = Collections.unmodifiableMap(new LinkedHashMap<>(cookies));
  }

  /** The value of a {@code Cookie} request header carrying them all. */
  public String cookieHeader() {
    return cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; "));
  }
}
