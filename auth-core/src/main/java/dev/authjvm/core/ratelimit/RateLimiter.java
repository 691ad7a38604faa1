package dev.authjvm.core.ratelimit;

import java.time.Duration;
import java.util.Optional;

/**
 * Limits sign-in attempts per identifier: failed credentials per submitted username, email links per
 * address. Keys are short and fixed in length (the core hashes the submitted identifier), so a limiter
 * may keep them as they are. Implementations are thread-safe; one shared across instances (e.g. in
 * Redis) limits a cluster as a whole.
 */
public interface RateLimiter {
  /** No limit. */
  RateLimiter UNLIMITED = key -> Optional.empty();

  /**
   * Counts one attempt for {@code key}, atomically with the decision, so that attempts made at the same
   * moment are all counted.
   *
   * @return empty when the attempt may go on, else how long until the next one may
   */
  Optional<Duration> acquire(String key);

  /**
   * Takes back the attempt last acquired for {@code key} because it succeeded: only failures count, so a
   * user who signs in is not locked out by their own successful sign-ins.
   */
  default void release(String key) {}
}
