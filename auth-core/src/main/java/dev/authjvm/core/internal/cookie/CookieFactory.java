package dev.authjvm.core.internal.cookie;

import dev.authjvm.core.http.SetCookie;
import java.time.Duration;
import java.time.Instant;

/**
 * Makes cookies with the attributes Auth.js gives them: {@code Path=/}, {@code HttpOnly},
 * {@code SameSite=Lax}, {@code Secure} in secure mode, no {@code Domain}.
 */
public record CookieFactory(boolean secure) {

  /** A browser-session cookie (no expiry), as the CSRF and callback-url cookies are. */
  public SetCookie browserSession(String name, String value) {
    return new SetCookie(name, value, "/", null, null, true, secure, "Lax");
  }

  /** A cookie that expires at an instant, without Max-Age, as the session token is. */
  public SetCookie expiringAt(String name, String value, Instant expires) {
    return new SetCookie(name, value, "/", expires, null, true, secure, "Lax");
  }

  /** A short-lived cookie with both Max-Age and Expires, as the OAuth check cookies are. */
  public SetCookie shortLived(String name, String value, Instant now, Duration maxAge) {
    return new SetCookie(name, value, "/", now.plus(maxAge), maxAge.toSeconds(), true, secure, "Lax");
  }

  /**
   * A short-lived cookie that a cross-site POST must carry back ({@code response_mode=form_post}, as
   * Apple answers): {@code SameSite=None; Secure} in secure mode, as Auth.js v5 sets them. Over plain
   * http browsers refuse {@code SameSite=None} without {@code Secure}, and an http identity provider
   * is a development one on the same site (localhost), so {@code Lax} is kept there.
   */
  public SetCookie shortLivedCrossSite(String name, String value, Instant now, Duration maxAge) {
    return secure ? new SetCookie(name, value, "/", now.plus(maxAge), maxAge.toSeconds(), true, true, "None")
        : shortLived(name, value, now, maxAge);
  }

  /** The deletion of a cookie set by this factory. */
  public SetCookie deletion(String name) {
    return new SetCookie(name, "", "/", null, 0L, true, secure, "Lax");
  }
}
