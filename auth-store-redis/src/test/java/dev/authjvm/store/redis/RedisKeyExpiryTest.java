package dev.authjvm.store.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authjvm.core.store.SessionRecord;
import dev.authjvm.testsupport.TestRedis;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Memory stays bounded: every key that session records and counters write carries a time to live, and
 * taking back a counter that does not exist writes nothing.
 */
class RedisKeyExpiryTest {
  final String prefix = TestRedis.keyPrefix("expiry");
  RedisAuthStore store;
  RedisClient client;
  StatefulRedisConnection<String, String> connection;
  RedisCommands<String, String> redis;

  @BeforeEach
  void connect() {
    store = RedisAuthStore.builder(TestRedis.url()).keyPrefix(prefix).build();
    client = RedisClient.create(TestRedis.url());
    connection = client.connect();
    redis = connection.sync();
  }

  @AfterEach
  void close() {
    store.close();
    connection.close();
    client.shutdown();
  }

  /** Every key under this test's prefix, with its time to live in milliseconds (-1: none). */
  Map<String, Long> keysWithTimeToLive() {
    Map<String, Long> keys = new TreeMap<>();
    ScanArgs matching = ScanArgs.Builder.matches(prefix + "*").limit(1000);
    KeyScanCursor<String> cursor = redis.scan(matching);
    cursor.getKeys().forEach(key -> keys.put(key, redis.pttl(key)));
    while (!cursor.isFinished()) {
      cursor = redis.scan(cursor, matching);
      cursor.getKeys().forEach(key -> keys.put(key, redis.pttl(key)));
    }
    return keys;
  }

  @Test
  void sessionRecordsTheirIndexesAndCountersAllExpire() {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    store.saveSessionRecord(new SessionRecord("rec-1", "user-1", now, now, now.plus(Duration.ofDays(1)), null, null,
        true, "oidc", "subject-1", "sid-1", null, null, null));
    store.incrementCounter("rate-limit:credentials:ada", Duration.ofMinutes(15));

    Map<String, Long> keys = keysWithTimeToLive();

    assertEquals(List.of(prefix + "counter:rate-limit:credentials:ada", prefix + "provider-session-records:oidc:sid:sid-1",
        prefix + "provider-session-records:oidc:sub:subject-1", prefix + "session-record:rec-1",
        prefix + "user-session-records:user-1"), List.copyOf(keys.keySet()));
    keys.forEach((key, ttl) -> assertTrue(ttl > 0, key + " expires (PTTL " + ttl + ")"));
  }

  @Test
  void takingBackAnUnknownCounterWritesNothing() {
    store.decrementCounter("rate-limit:credentials:nobody");
    assertEquals(Map.of(), keysWithTimeToLive());
  }
}
