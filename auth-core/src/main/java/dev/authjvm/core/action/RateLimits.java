package dev.authjvm.core.action;

import dev.authjvm.core.error.AuthError;
import java.util.Optional;

/** Applies the configured {@link dev.authjvm.core.ratelimit.RateLimiter} to one sign-in attempt. */
final class RateLimits {
  /** The code clients see (v5 {@code &code=}; v4's error name): stable, so apps can show their own text. */
  static final String CODE = "rate_limited";

  private RateLimits() {}

  /** Empty when the attempt may go on (or no limiter is configured), else the refusal. */
  static Optional<Outcome> check(ActionContext ctx, String key, AuthError refusal) {
    return ctx.config.rateLimiter().flatMap(limiter -> limiter.acquire(key)).map(retryAfter ->
        Outcome.rateLimited(new AuthError(refusal.type(), refusal.code(), refusal.provider(),
            "too many attempts for " + key.substring(0, key.lastIndexOf(':') + 1) + "…; retry after " + retryAfter), retryAfter));
  }
}
