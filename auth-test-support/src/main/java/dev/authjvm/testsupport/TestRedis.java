package dev.authjvm.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.testcontainers.containers.GenericContainer;

/**
 * Where Redis tests find their server: {@code AUTH_TEST_REDIS_URL}, else the machine's Redis on
 * 127.0.0.1:6379, else a Testcontainers container when Docker is up, else {@link Services#unavailable}.
 * Runs share the server, so each store gets a {@link #keyPrefix key prefix} of its own, and the keys
 * under it are deleted when the JVM exits.
 */
public final class TestRedis {
  private static final String LOCAL = "redis://127.0.0.1:6379/0";
  private static final List<String> PREFIXES = new ArrayList<>();
  private static String url;

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(TestRedis::deleteKeys, "delete-test-redis-keys"));
  }

  private TestRedis() {}

  /** The Redis URL of this run, e.g. {@code redis://127.0.0.1:6379/0}. */
  public static synchronized String url() {
    if (url == null) {
      url = find();
    }
    return url;
  }

  /** A key prefix no other run or test uses, e.g. {@code authjvm-kit-2f1c…:}; its keys go at exit. */
  public static String keyPrefix(String purpose) {
    String prefix = "authjvm-" + purpose + "-" + UUID.randomUUID() + ":";
    synchronized (PREFIXES) {
      PREFIXES.add(prefix);
    }
    return prefix;
  }

  private static String find() {
    String candidate = Services.env("AUTH_TEST_REDIS_URL").orElse(LOCAL);
    if (Services.urlAnswers(candidate, 6379)) {
      return candidate;
    }
    if (Services.env("AUTH_TEST_REDIS_URL").isEmpty() && Services.dockerIsUp()) {
      @SuppressWarnings("resource") // lives as long as the JVM, like a local server
      GenericContainer<?> redis = new GenericContainer<>("redis:7-alpine").withExposedPorts(6379);
      redis.start();
      return "redis://" + redis.getHost() + ":" + redis.getMappedPort(6379) + "/0";
    }
    boolean fromEnv = Services.env("AUTH_TEST_REDIS_URL").isPresent();
    throw Services.unavailable("Redis", Services.address(candidate, 6379) + (fromEnv ? " (AUTH_TEST_REDIS_URL)" : ""),
        fromEnv ? "start the server AUTH_TEST_REDIS_URL names, or unset it to use 127.0.0.1:6379"
            : "start redis-server (scripts/test.sh does when run as root), set AUTH_TEST_REDIS_URL, or run a Docker engine");
  }

  private static void deleteKeys() {
    List<String> prefixes;
    synchronized (PREFIXES) {
      prefixes = List.copyOf(PREFIXES);
    }
    synchronized (TestRedis.class) {
      if (url == null || prefixes.isEmpty()) {
        return;
      }
    }
    try (RedisConnection redis = RedisConnection.open(url)) {
      for (String prefix : prefixes) {
        redis.deleteKeysStartingWith(prefix);
      }
    } catch (RuntimeException e) {
      System.err.println("could not delete the test keys in Redis: " + e);
    }
  }
}
