package dev.authjvm.core.ratelimit;

import java.time.Duration;
import java.util.Optional;

/**
 * Limits sign-in attempts per identifier: credentials per submitted username, email links per
 * address. Auth.js has no such limit and its users keep asking for one (spam of magic links,
 * password guessing). Off unless configured ({@code AUTH_RATE_LIMIT} or the builder), because a limit
 * changes what clients see. Implementations are thread-safe; one shared across instances (e.g. in
 * Redis) limits a cluster as a whole.
 */
@FunctionalInterface
public interface RateLimiter {

  /**
   * Counts one attempt for {@code key}.
   *
   * @return empty when the attempt may go on, else how long until the next one may
   */
  Optional<Duration> acquire(String key);
}
