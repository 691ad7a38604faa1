package dev.authjvm.core.ratelimit;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** At most {@code limit} attempts per key in each {@code window}: what a rate-limit setting says. */
public record RateLimit(int limit, Duration window) {
  private static final Pattern SPEC = Pattern.compile("(\\d+)\\s*/\\s*(\\d*)\\s*(s|m|h)", Pattern.CASE_INSENSITIVE);

  public RateLimit {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1");
    }
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("window must be positive");
    }
  }

  /**
   * Parses {@code "<limit>/<window>"}, e.g. {@code 5/m}, {@code 10/15m}, {@code 100/h}.
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  public static RateLimit parse(String spec) {
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
    return new RateLimit(Integer.parseInt(m.group(1)), unit.multipliedBy(amount));
  }

  @Override
  public String toString() {
    return limit + " per " + window;
  }
}
