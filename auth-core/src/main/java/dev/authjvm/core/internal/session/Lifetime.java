package dev.authjvm.core.internal.session;

import dev.authjvm.core.config.AuthConfig;
import dev.authjvm.core.user.Account;
import dev.authjvm.core.user.User;
import java.time.Duration;
import java.time.Instant;

/**
 * A session's lifetime, chosen at sign-in: how long it lives without activity, whether its cookie outlives
 * the browser, and when it started (an absolute lifetime counts from there).
 */
record Lifetime(Duration maxAge, boolean persistent, Instant startedAt) {

  /** What the lifetime callback chooses, else the configured lifetime for the user's remember-me choice. */
  static Lifetime choose(AuthConfig config, User user, Account account, Boolean rememberMe, Instant now) {
    boolean persistent = !Boolean.FALSE.equals(rememberMe);
    Duration chosen = config.sessionLifetime().lifetime(user, account, rememberMe);
    if (chosen == null) {
      chosen = persistent ? config.sessionMaxAge() : config.sessionShortMaxAge();
    } else if (chosen.isNegative() || chosen.isZero()) {
      throw new IllegalStateException("the sessionLifetime callback returned " + chosen + ": a lifetime is positive");
    }
    return new Lifetime(chosen, persistent, now);
  }

  /** When the session ends if it is not used again after {@code now}: never after its absolute end. */
  Instant expiresAfter(Instant now, AuthConfig config) {
    Instant sliding = now.plus(maxAge);
    return config.sessionAbsoluteMaxAge().map(startedAt::plus).filter(end -> end.isBefore(sliding)).orElse(sliding);
  }

  /** Whether the absolute lifetime has run out. */
  boolean isOver(Instant now, AuthConfig config) {
    return config.sessionAbsoluteMaxAge().map(startedAt::plus).map(end -> !now.isBefore(end)).orElse(false);
  }

  /**
   * How often a database session's expiry is written back: {@code updateAge} in proportion to this
   * lifetime, so that a short session is extended before it runs out.
   */
  Duration updateAge(AuthConfig config) {
    if (maxAge.equals(config.sessionMaxAge())) {
      return config.sessionUpdateAge();
    }
    return Duration.ofMillis(Math.round(config.sessionUpdateAge().toMillis()
        * ((double) maxAge.toMillis() / config.sessionMaxAge().toMillis())));
  }

  /** The lifetime stored in a record: {@code null} for the configured one. */
  Duration storedMaxAge(AuthConfig config) {
    return maxAge.equals(config.sessionMaxAge()) ? null : maxAge;
  }
}
