package dev.authjvm.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Key prefixes keep runs apart, and the keys under a run's prefix can be removed without touching others. */
class TestRedisTest {
  @Test
  void everyStoreGetsAPrefixOfItsOwn() {
    assertNotEquals(TestRedis.keyPrefix("x"), TestRedis.keyPrefix("x"));
  }

  @Test
  void deletingAPrefixRemovesItsKeysAndNoOthers() {
    String mine = TestRedis.keyPrefix("cleanup");
    String theirs = TestRedis.keyPrefix("cleanup");
    try (RedisConnection redis = RedisConnection.open(TestRedis.url())) {
      for (int i = 0; i < 30; i++) {
        redis.command("SET", mine + "key-" + i, "v");
      }
      redis.command("SET", theirs + "key", "kept");

      redis.deleteKeysStartingWith(mine);

      assertNull(redis.command("GET", mine + "key-7"));
      assertEquals("kept", redis.command("GET", theirs + "key"));
      redis.command("DEL", theirs + "key");
    }
  }
}
