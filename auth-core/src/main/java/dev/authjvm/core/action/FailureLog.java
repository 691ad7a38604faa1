package dev.authjvm.core.action;

import dev.authjvm.core.log.LogSafe;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.slf4j.Logger;

/**
 * Logs server errors without flooding: while a store is down every request fails the same way, so a
 * failure is logged with its stack trace the first time, repeats of the same failure are counted, and
 * the count is logged at most once a minute, until a different failure comes along.
 */
final class FailureLog {
  static final Duration QUIET_PERIOD = Duration.ofMinutes(1);

  private final Logger log;
  private final Clock clock;
  private String lastKey;
  private Instant lastLogged = Instant.MIN;
  private long suppressed;

  FailureLog(Logger log, Clock clock) {
    this.log = log;
    this.clock = clock;
  }

  synchronized void failed(String action, RuntimeException e) {
    String key = key(e);
    Instant now = clock.instant();
    if (key.equals(lastKey)) {
      if (now.isBefore(lastLogged.plus(QUIET_PERIOD))) {
        suppressed++;
        return;
      }
      log.error("[auth][error] {} failed: {} (the same failure happened {} more time(s) since {})", action,
          LogSafe.text(e.toString(), 1000), suppressed, lastLogged);
    } else {
      log.error("[auth][error] {} failed: {}", action, LogSafe.text(e.toString(), 1000), e);
    }
    lastKey = key;
    lastLogged = now;
    suppressed = 0;
  }

  /** The same failure: the same exception types and messages along the cause chain. */
  private static String key(Throwable e) {
    StringBuilder key = new StringBuilder();
    for (Throwable t = e; t != null && key.length() < 2000; t = t.getCause() == t ? null : t.getCause()) {
      key.append(t.getClass().getName()).append(':').append(Objects.toString(t.getMessage(), "")).append('\n');
    }
    return key.toString();
  }
}
