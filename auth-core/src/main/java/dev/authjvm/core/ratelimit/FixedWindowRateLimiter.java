package dev.authjvm.core.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * At most {@code limit} attempts per key in each window of {@code window}, counted in this JVM. Memory
 * stays bounded by the keys of the current windows: expired windows are dropped as new ones open.
 */
public final class FixedWindowRateLimiter implements RateLimiter {
  private static final Pattern SPEC = Pattern.compile("(\\d+)\\s*/\\s*(\\d*)\\s*(s|m|h)", Pattern.CASE_INSENSITIVE);

  private final int limit;
  private final Duration window;
  private final Clock clock;
  private final Map<String, Window> windows = new ConcurrentHashMap<>();
  private final AtomicInteger untilSweep = new AtomicInteger();

  private record Window(Instant start, AtomicInteger count) {}

  public FixedWindowRateLimiter(int limit, Duration window, Clock clock) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1");
    }
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("window must be positive");
    }
    this.limit = limit;
    this.window = window;
    this.clock = clock;
  }

  /**
   * Parses {@code "<limit>/<window>"}, e.g. {@code 5/m}, {@code 10/15m}, {@code 100/h}.
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  public static FixedWindowRateLimiter parse(String spec, Clock clock) {
    Matcher m = SPEC.matcher(spec.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException("expected <attempts>/<window> such as 5/m, 10/15m or 100/h, got '" + spec + "'");
    }
    long amount = m.group(2).isEmpty() ? 1 : Long.parseLong(m.group(2));
    Duration unit = switch (m.group(3).toLowerCase(Locale.ROOT)) {
      case "s" -> Duration.ofSeconds(1);
      case "m" -> Duration.ofMinutes(1);
      default -> Duration.ofHours(1);
    };
    return new FixedWindowRateLimiter(Integer.parseInt(m.group(1)), unit.multipliedBy(amount), clock);
  }

  @Override
  public Optional<Duration> acquire(String key) {
    Instant now = clock.instant();
    sweepSometimes(now);
    Window w = windows.compute(key, (k, current) ->
        current == null || !now.isBefore(current.start().plus(window)) ? new Window(now, new AtomicInteger()) : current);
    if (w.count().incrementAndGet() <= limit) {
      return Optional.empty();
    }
    Duration left = Duration.between(now, w.start().plus(window));
    return Optional.of(left.isNegative() || left.isZero() ? Duration.ofSeconds(1) : left);
  }

  /** Every 1024 attempts, drops windows that have closed. */
  private void sweepSometimes(Instant now) {
    if (untilSweep.incrementAndGet() % 1024 == 0) {
      windows.values().removeIf(w -> !now.isBefore(w.start().plus(window)));
    }
  }

  @Override
  public String toString() {
    return limit + " per " + window;
  }
}
