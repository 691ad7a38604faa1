package dev.authjvm.core.action;

import dev.authjvm.core.config.SecurityHeaders;
import dev.authjvm.core.http.AuthResponse;
import dev.authjvm.core.http.HttpHeaders;
import dev.authjvm.core.http.SetCookie;

/**
 * Adds the configured {@link SecurityHeaders} to a response: the content-type and referrer headers to
 * every one, the framing headers to HTML pages, and {@code Cache-Control} to pages and to every answer
 * that sets a cookie or carries a token, unless the answer chose its own.
 */
final class SecurityHeaderPolicy {
  private final SecurityHeaders headers;

  SecurityHeaderPolicy(SecurityHeaders headers) {
    this.headers = headers;
  }

  AuthResponse apply(AuthResponse response) {
    HttpHeaders.Builder b = response.headers().toBuilder();
    boolean html = response.header("Content-Type").map(t -> t.startsWith("text/html")).orElse(false);
    setIfAbsent(b, response, "X-Content-Type-Options", headers.contentTypeOptions());
    setIfAbsent(b, response, "Referrer-Policy", headers.referrerPolicy());
    if (html) {
      setIfAbsent(b, response, "X-Frame-Options", headers.frameOptions());
      setIfAbsent(b, response, "Content-Security-Policy", headers.contentSecurityPolicy());
    }
    if (html || setsCookie(response)) {
      setIfAbsent(b, response, "Cache-Control", headers.cacheControl());
    }
    return new AuthResponse(response.status(), b.build(), response.cookies(), response.body());
  }

  private static boolean setsCookie(AuthResponse response) {
    for (SetCookie c : response.cookies()) {
      if (!c.isDeletion()) {
        return true;
      }
    }
    return false;
  }

  private static void setIfAbsent(HttpHeaders.Builder b, AuthResponse response, String name, String value) {
    if (value != null && response.header(name).isEmpty()) {
      b.add(name, value);
    }
  }
}
