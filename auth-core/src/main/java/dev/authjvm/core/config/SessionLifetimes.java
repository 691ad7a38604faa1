package dev.authjvm.core.config;

import dev.authjvm.core.callback.SessionLifetimeCallback;
import dev.authjvm.core.error.ConfigurationException;
import dev.authjvm.core.spi.Environment;
import dev.authjvm.core.store.AuthStore;
import dev.authjvm.core.store.SessionRegistry;
import java.time.Duration;
import java.util.Optional;

/** The session settings beyond maxAge and updateAge, resolved and checked together. */
record SessionLifetimes(Duration shortMaxAge, Duration absoluteMaxAge, boolean tracking, boolean customLifetime) {

  static SessionLifetimes resolve(AuthConfigBuilder b, Environment env, Duration maxAge) {
    Duration oneDay = Duration.ofDays(1);
    Duration shortMaxAge = b.sessionShortMaxAge != null ? b.sessionShortMaxAge
        : seconds(env, "AUTH_SESSION_SHORT_MAX_AGE").orElse(oneDay.compareTo(maxAge) < 0 ? oneDay : maxAge);
    if (shortMaxAge.isNegative() || shortMaxAge.isZero() || shortMaxAge.compareTo(maxAge) > 0) {
      throw new ConfigurationException("session shortMaxAge (AUTH_SESSION_SHORT_MAX_AGE) must be positive and at most "
          + "maxAge (AUTH_SESSION_MAX_AGE)");
    }
    Duration absolute = b.sessionAbsoluteMaxAge != null ? b.sessionAbsoluteMaxAge
        : seconds(env, "AUTH_SESSION_ABSOLUTE_MAX_AGE").orElse(null);
    if (absolute != null && (absolute.isNegative() || absolute.isZero())) {
      throw new ConfigurationException("session absoluteMaxAge (AUTH_SESSION_ABSOLUTE_MAX_AGE) must be positive");
    }
    boolean tracking = b.sessionTracking != null ? b.sessionTracking
        : env.flag("AUTH_SESSION_TRACKING").orElse(true);
    return new SessionLifetimes(shortMaxAge, absolute, tracking, b.sessionLifetime != SessionLifetimeCallback.DEFAULT);
  }

  /**
   * A database session keeps its sign-in time and its own lifetime in its record: without records, an
   * absolute lifetime or a lifetime callback could not be kept, and must not be set.
   */
  void requireRecordsForDatabaseSessions(SessionStrategy strategy, AuthStore store) {
    if (strategy != SessionStrategy.DATABASE || tracking && store instanceof SessionRegistry) {
      return;
    }
    String why = tracking ? "the store keeps no session records (SessionRegistry)" : "AUTH_SESSION_TRACKING is off";
    if (absoluteMaxAge != null) {
      throw new ConfigurationException("session absoluteMaxAge (AUTH_SESSION_ABSOLUTE_MAX_AGE) cannot be kept for "
          + "database sessions: " + why);
    }
    if (customLifetime) {
      throw new ConfigurationException("sessionLifetime(...) cannot be kept for database sessions: " + why);
    }
  }

  static Optional<Duration> seconds(Environment env, String name) {
    return env.get(name).map(v -> {
      try {
        return Duration.ofSeconds(Long.parseLong(v));
      } catch (NumberFormatException e) {
        throw new ConfigurationException(name + " must be a number of seconds, not '" + v + "'");
      }
    });
  }
}
