package dev.authjvm.benchmarks.server;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Bulk insertion of sessions that belong to nobody signed in, so the signed-in user's lookups run
 * against a store of 10^3 or 10^6 sessions. Bulk paths only (one COPY, pipelined SETs): going through
 * the store API one session at a time would take many minutes for 10^6. The records have the store's
 * own layout (the columns of auth_session; the JSON the Redis store writes under session:token).
 */
final class Prefill {
  private static final int BATCH = 10_000;
  /** Bounds the pre-fill: far above what 10^6 takes here, far below "the run hangs". */
  private static final long TIMEOUT_SECONDS = 300;

  private Prefill() {}

  static void postgres(Connection c, String userId, long count) throws SQLException {
    long start = System.nanoTime();
    long expires = Stores.fillExpiry().toEpochMilli();
    CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI()
        .copyIn("COPY auth_session (session_token, user_id, expires) FROM STDIN");
    try {
      StringBuilder rows = new StringBuilder(BATCH * 64);
      for (long i = 0; i < count; i++) {
        rows.append(UUID.randomUUID()).append('\t').append(userId).append('\t').append(expires).append('\n');
        if (rows.length() > BATCH * 60 || i == count - 1) {
          byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
          copy.writeToCopy(bytes, 0, bytes.length);
          rows.setLength(0);
        }
        checkTime(start);
      }
      copy.endCopy();
    } finally {
      if (copy.isActive()) {
        copy.cancelCopy();
      }
    }
    try (Statement s = c.createStatement()) {
      s.execute("ANALYZE auth_session"); // plans as they would be on a table that grew normally
    }
    report("PostgreSQL", count, start);
  }

  static void redis(String url, String prefix, String userId, long count) {
    long start = System.nanoTime();
    long expires = Stores.fillExpiry().toEpochMilli();
    RedisClient client = RedisClient.create(url);
    try (StatefulRedisConnection<String, String> conn = client.connect()) {
      conn.setAutoFlushCommands(false); // pipelining: one flush per batch
      RedisAsyncCommands<String, String> redis = conn.async();
      List<RedisFuture<String>> pending = new ArrayList<>(BATCH);
      for (long i = 0; i < count; i++) {
        String token = UUID.randomUUID().toString();
        String json = "{\"sessionToken\":\"" + token + "\",\"userId\":\"" + userId + "\",\"expires\":" + expires + "}";
        pending.add(redis.set(prefix + "session:" + token, json, SetArgs.Builder.pxAt(expires)));
        if (pending.size() == BATCH || i == count - 1) {
          conn.flushCommands();
          for (RedisFuture<String> f : pending) {
            f.toCompletableFuture().orTimeout(TIMEOUT_SECONDS, TimeUnit.SECONDS).join();
          }
          pending.clear();
          checkTime(start);
        }
      }
    } finally {
      client.shutdown();
    }
    report("Redis", count, start);
  }

  /** Deletes every key under the prefix (SCAN + UNLINK, so Redis is never blocked for long). */
  static long clearRedis(String url, String prefix) {
    RedisClient client = RedisClient.create(url);
    long removed = 0;
    try (StatefulRedisConnection<String, String> conn = client.connect()) {
      RedisCommands<String, String> redis = conn.sync();
      ScanCursor cursor = ScanCursor.INITIAL;
      ScanArgs args = ScanArgs.Builder.matches(prefix + "*").limit(BATCH);
      do {
        KeyScanCursor<String> page = redis.scan(cursor, args);
        if (!page.getKeys().isEmpty()) {
          removed += redis.unlink(page.getKeys().toArray(String[]::new));
        }
        cursor = page;
      } while (!cursor.isFinished());
    } finally {
      client.shutdown();
    }
    return removed;
  }

  private static void checkTime(long start) {
    if (System.nanoTime() - start > TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS)) {
      throw new IllegalStateException("pre-fill took over " + TIMEOUT_SECONDS + " s; aborted");
    }
  }

  private static void report(String where, long count, long start) {
    System.out.printf("pre-filled %d sessions in %s in %.1f s%n", count, where, (System.nanoTime() - start) / 1e9);
  }
}
