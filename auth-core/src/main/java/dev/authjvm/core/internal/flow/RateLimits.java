package dev.authjvm.core.internal.flow;

import dev.authjvm.core.error.AuthError;
import dev.authjvm.core.internal.route.Outcome;
import dev.authjvm.core.internal.route.Responses;
import dev.authjvm.core.observe.AuthObserver;
import dev.authjvm.core.ratelimit.RateLimiter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;

/** Applies a {@link RateLimiter} to one sign-in attempt. */
final class RateLimits {
  /** The code clients see (v5 {@code &code=}; v4's error name): stable, so apps can show their own text. */
  static final String CODE = Responses.RATE_LIMITED;

  private RateLimits() {}

  /**
   * {@code <kind>:<provider>:<SHA-256 of the identifier>}: a key of fixed length whatever was submitted
   * (a 60 KB username costs the limiter 43 characters), that names no user in the limiter's memory or store.
   */
  static String key(String kind, String providerId, String identifier) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(identifier.getBytes(StandardCharsets.UTF_8));
      return kind + ":" + providerId + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }

  /** Empty when the attempt may go on, else the refusal; the attempt is counted either way. */
  static Optional<Outcome> acquire(RateLimiter limiter, String key, AuthError refusal, AuthObserver observer) {
    return limiter.acquire(key).map(retryAfter -> {
      observer.rateLimited(key.substring(0, key.indexOf(':')), refusal.provider());
      return Outcome.rateLimited(new AuthError(refusal.type(), refusal.code(), refusal.provider(),
            "too many attempts for " + key.substring(0, key.lastIndexOf(':') + 1) + "…; retry after " + retryAfter), retryAfter);
    });
  }
}
