package dev.authjvm.store.redis;

import dev.authjvm.core.store.CounterStore.Count;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * The expiring counters of {@link dev.authjvm.core.store.CounterStore} on Redis: {@code counter:<key>}, counted
 * by a script on that one key (so it runs on a cluster too) that increments and gives a new counter its
 * window as its time to live. Redis drops a counter when its window closes: nothing stays.
 */
final class RedisCounters {
  /** KEYS[1] the counter; ARGV[1] the window in milliseconds. Returns the value and the window's time left. */
  private static final String INCREMENT = """
      local value = redis.call('INCR', KEYS[1])
      local left = redis.call('PTTL', KEYS[1])
      if left < 0 then
        redis.call('PEXPIRE', KEYS[1], ARGV[1])
        left = tonumber(ARGV[1])
      end
      return {value, left}
      """;
  /** Never below zero, and never creates a counter (one without a time to live would stay forever). */
  private static final String DECREMENT = """
      local value = tonumber(redis.call('GET', KEYS[1]) or '0')
      if value > 0 then
        redis.call('DECR', KEYS[1])
      end
      return 0
      """;
  /** Longer keys (a username is part of a sign-in limit's key) are kept as their hash. */
  private static final int MAX_KEY = 128;

  private final RedisClusterCommands<String, String> redis;
  private final String prefix;

  RedisCounters(RedisClusterCommands<String, String> redis, String prefix) {
    this.redis = redis;
    this.prefix = prefix;
  }

  Count increment(String key, Duration window) {
    long windowMillis = Math.max(1, window.toMillis());
    List<Object> result = redis.eval(INCREMENT, ScriptOutputType.MULTI, new String[] {counterKey(key)},
        Long.toString(windowMillis));
    return new Count((Long) result.get(0), Instant.now().plusMillis((Long) result.get(1)));
  }

  void decrement(String key) {
    redis.eval(DECREMENT, ScriptOutputType.INTEGER, new String[] {counterKey(key)});
  }

  private String counterKey(String key) {
    if (key.length() <= MAX_KEY) {
      return prefix + "counter:" + key;
    }
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return prefix + "counter:sha256:" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
