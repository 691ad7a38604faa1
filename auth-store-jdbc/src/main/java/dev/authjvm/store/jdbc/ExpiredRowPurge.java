package dev.authjvm.store.jdbc;

import dev.authjvm.core.text.LogSafe;
import dev.authjvm.core.store.StoreException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes expired sessions, verification tokens, session records and counters in bounded batches: a session
 * nobody reads again, a link nobody clicks and a closed rate-limit window would otherwise stay forever. Runs on one daemon thread at a fixed
 * interval, until the store is closed.
 */
final class ExpiredRowPurge implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ExpiredRowPurge.class);
  /** Rows per DELETE, and DELETEs per table per run: at most 100,000 rows a table each interval. */
  static final int BATCH = 1000;
  static final int MAX_BATCHES = 100;
  /** Tables named as the chosen schema names them, with its time columns. */
  private static final List<String> SCHEMA_TABLES = List.of("auth_session", "auth_verification_token");
  /** The store's own tables, the same in every schema: times in epoch milliseconds. */
  private static final List<String> OWN_TABLES = List.of("auth_session_record", "auth_counter");

  private final Sql sql;
  private final Dialect dialect;
  private final SchemaNames names;
  private final Clock clock;
  private final ScheduledExecutorService scheduler;

  ExpiredRowPurge(Sql sql, Dialect dialect, SchemaNames names, Clock clock, Duration interval) {
    this.sql = sql;
    this.dialect = dialect;
    this.names = names;
    this.clock = clock;
    if (interval.isZero()) {
      this.scheduler = null;
      return;
    }
    this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "authjvm-jdbc-purge");
      t.setDaemon(true);
      return t;
    });
    long millis = interval.toMillis();
    scheduler.scheduleWithFixedDelay(this::runQuietly, millis, millis, TimeUnit.MILLISECONDS);
  }

  /** One purge now: the number of rows deleted. */
  int run() {
    Instant now = clock.instant();
    int deleted = 0;
    for (String table : SCHEMA_TABLES) {
      deleted += purge(table, names.sql(dialect.deleteExpiredBatch("{" + table + "}")), names.instant(now));
    }
    for (String table : OWN_TABLES) {
      deleted += purge(table, dialect.deleteExpiredBatch(table), now);
    }
    return deleted;
  }

  private int purge(String table, String delete, Object now) {
    int deleted = 0;
    for (int i = 0; i < MAX_BATCHES; i++) {
      int n = sql.update("purge " + table, delete, now, (long) BATCH);
      deleted += n;
      if (n < BATCH) {
        break;
      }
    }
    return deleted;
  }

  private void runQuietly() {
    try {
      int deleted = run();
      if (deleted > 0) {
        LOG.debug("[auth][store] purged {} expired rows", deleted);
      }
    } catch (StoreException e) {
      // The database may be down for a while; the next run tries again.
      LOG.warn("[auth][store] purging expired rows failed: {}", LogSafe.text(e.getMessage(), 500));
    }
  }

  @Override
  public void close() {
    if (scheduler != null) {
      scheduler.shutdownNow();
    }
  }
}
