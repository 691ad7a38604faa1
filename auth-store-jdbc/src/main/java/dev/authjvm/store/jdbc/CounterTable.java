package dev.authjvm.store.jdbc;

import dev.authjvm.core.store.CounterStore.Count;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * The expiring counters of {@link dev.authjvm.core.store.CounterStore} in {@code auth_counter}: an increment is
 * one atomic upsert (the dialect's), read back in the same transaction while the row is still locked by it;
 * closed windows are purged with the expired sessions.
 */
final class CounterTable {
  /** Longer keys (a username is part of a sign-in limit's key) are kept as their hash, so any key fits the column. */
  static final int MAX_KEY = 128;

  private final Sql sql;
  private final Clock clock;
  private final String increment;

  CounterTable(Sql sql, Dialect dialect, Clock clock) {
    this.sql = sql;
    this.clock = clock;
    this.increment = dialect.incrementCounter();
  }

  Count increment(String key, Duration window) {
    String stored = storedKey(key);
    Instant now = clock.instant();
    return sql.transactionRetryingConflicts("incrementCounter", c -> {
      Sql.update(c, increment, stored, now.plus(window), now, now);
      return Sql.queryOne(c, "SELECT counter_value, expires FROM auth_counter WHERE counter_key = ?",
          row -> new Count(row.getLong("counter_value"), Sql.instant(row, "expires")), stored).orElseThrow();
    });
  }

  /** Never below zero, and a closed window is left to expire. */
  void decrement(String key) {
    sql.update("decrementCounter", "UPDATE auth_counter SET counter_value = counter_value - 1"
        + " WHERE counter_key = ? AND counter_value > 0 AND expires > ?", storedKey(key), clock.instant());
  }

  static String storedKey(String key) {
    if (key.length() <= MAX_KEY) {
      return key;
    }
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return "sha256:" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
