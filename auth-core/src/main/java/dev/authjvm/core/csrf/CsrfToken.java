package dev.authjvm.core.csrf;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The double-submit CSRF token of Auth.js: the cookie holds {@code token|sha256hex(token + secret)},
 * the form field holds {@code token}. The hash proves the cookie was minted by this server, so a
 * cookie planted by a sibling subdomain is refused.
 *
 * @param token      64 lowercase hex characters (32 random bytes)
 * @param cookieValue {@code token|hash}, the value of the CSRF cookie
 */
public record CsrfToken(String token, String cookieValue) {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final HexFormat HEX = HexFormat.of();

  /** Mints a fresh token. */
  public static CsrfToken mint(String secret) {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return of(HEX.formatHex(bytes), secret);
  }

  static CsrfToken of(String token, String secret) {
    return new CsrfToken(token, token + "|" + hash(token, secret));
  }

  /** The token of a cookie value whose hash matches this server's secret, or empty. */
  public static Optional<CsrfToken> fromCookie(String cookieValue, String secret) {
    return fromCookie(cookieValue, List.of(secret));
  }

  /**
   * The token of a cookie value whose hash matches one of the secrets, or empty. With several secrets
   * (rotation), a cookie minted before a secret was added or after one was removed stays valid as
   * long as the secret that minted it is listed.
   */
  public static Optional<CsrfToken> fromCookie(String cookieValue, List<String> secrets) {
    if (cookieValue == null) {
      return Optional.empty();
    }
    int bar = cookieValue.indexOf('|');
    if (bar <= 0) {
      return Optional.empty();
    }
    String token = cookieValue.substring(0, bar);
    byte[] submitted = cookieValue.substring(bar + 1).getBytes(StandardCharsets.UTF_8);
    for (String secret : secrets) {
      if (MessageDigest.isEqual(hash(token, secret).getBytes(StandardCharsets.UTF_8), submitted)) {
        return Optional.of(new CsrfToken(token, cookieValue));
      }
    }
    return Optional.empty();
  }

  /** True iff the submitted form field equals this token (compared in constant time). */
  public boolean matches(String submitted) {
    return submitted != null
        && MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), submitted.getBytes(StandardCharsets.UTF_8));
  }

  /** Lowercase hex SHA-256 of the UTF-8 string {@code token + secret}. */
  public static String hash(String token, String secret) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HEX.formatHex(sha.digest((token + secret).getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }

  @Override
  public String toString() {
    return "CsrfToken[redacted]";
  }
}
