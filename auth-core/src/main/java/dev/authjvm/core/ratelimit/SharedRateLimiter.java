package dev.authjvm.core.ratelimit;

import dev.authjvm.core.store.CounterStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * A fixed-window limit whose counters live in the store, so that every instance sharing the store counts
 * the same attempts. Each attempt is one atomic increment; the store expires a window when it closes, so
 * nothing is kept in this JVM.
 */
public final class SharedRateLimiter implements RateLimiter {
  private final CounterStore counters;
  private final String prefix;
  private final RateLimit limit;
  private final Clock clock;

  /** @param name keeps this limiter's counters apart from others in the store, e.g. {@code credentials} */
  public SharedRateLimiter(CounterStore counters, String name, RateLimit limit, Clock clock) {
    this.counters = counters;
    this.prefix = "rate-limit:" + name + ":";
    this.limit = limit;
    this.clock = clock;
  }

  @Override
  public Optional<Duration> acquire(String key) {
    CounterStore.Count count = counters.incrementCounter(prefix + key, limit.window());
    if (count.value() <= limit.limit()) {
      return Optional.empty();
    }
    Duration left = Duration.between(clock.instant(), count.resetsAt());
    return Optional.of(left.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : left);
  }

  @Override
  public void release(String key) {
    counters.decrementCounter(prefix + key);
  }

  @Override
  public String toString() {
    return limit + ", shared through the store";
  }
}
