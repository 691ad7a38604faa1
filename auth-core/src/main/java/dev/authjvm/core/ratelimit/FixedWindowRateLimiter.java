package dev.authjvm.core.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

/**
 * At most {@code limit} attempts per key in each window, in this JVM. Memory is bounded twice: windows
 * expire when they close, and at most {@code maxKeys} keys are kept (Caffeine's admission policy keeps
 * the keys that are attempted often, so a flood of one-off keys does not push out a key under attack).
 */
public final class FixedWindowRateLimiter implements RateLimiter {
  /** Keys kept at most by default: about 25 MB when full. */
  public static final int DEFAULT_MAX_KEYS = 100_000;

  private final int limit;
  private final Duration window;
  private final Clock clock;
  private final ConcurrentMap<String, Window> windows;

  /** When the window opened, and the attempts counted in it. */
  private record Window(long startMillis, int attempts) {}

  public FixedWindowRateLimiter(int limit, Duration window, Clock clock) {
    this(limit, window, clock, DEFAULT_MAX_KEYS);
  }

  public FixedWindowRateLimiter(int limit, Duration window, Clock clock, int maxKeys) {
    RateLimit checked = new RateLimit(limit, window);
    if (maxKeys < 1) {
      throw new IllegalArgumentException("maxKeys must be at least 1");
    }
    this.limit = checked.limit();
    this.window = checked.window();
    this.clock = clock;
    Cache<String, Window> cache = Caffeine.newBuilder()
        .maximumSize(maxKeys)
        .expireAfterWrite(window)
        .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
        // Eviction on the calling thread: the bound holds at every moment, not once a pool gets to it.
        .executor(Runnable::run)
        .build();
    this.windows = cache.asMap();
  }

  /**
   * Parses {@code "<limit>/<window>"}, e.g. {@code 5/m}, {@code 10/15m}, {@code 100/h}.
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  public static FixedWindowRateLimiter parse(String spec, Clock clock) {
    RateLimit limit = RateLimit.parse(spec);
    return new FixedWindowRateLimiter(limit.limit(), limit.window(), clock);
  }

  @Override
  public Optional<Duration> acquire(String key) {
    long now = clock.millis();
    long windowMillis = window.toMillis();
    Window w = windows.compute(key, (k, current) -> current == null || now >= current.startMillis() + windowMillis
        ? new Window(now, 1) : new Window(current.startMillis(), current.attempts() + 1));
    if (w.attempts() <= limit) {
      return Optional.empty();
    }
    long left = w.startMillis() + windowMillis - now;
    return Optional.of(Duration.ofMillis(Math.max(1000, left)));
  }

  @Override
  public void release(String key) {
    windows.computeIfPresent(key, (k, w) -> w.attempts() <= 1 ? null : new Window(w.startMillis(), w.attempts() - 1));
  }

  /** How many keys are kept now; for tests and monitoring. */
  public long keys() {
    return windows.size();
  }

  @Override
  public String toString() {
    return limit + " per " + window;
  }
}
