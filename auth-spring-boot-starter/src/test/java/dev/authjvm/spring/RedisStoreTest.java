package dev.authjvm.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code authjvm.store=redis}: database sessions in Redis, under a key prefix of this run's own. Redis
 * is {@code AUTH_TEST_REDIS_URL}, else the machine's on 127.0.0.1:6379, else the test is skipped.
 */
class RedisStoreTest {
  static final String PREFIX = "starter-test-" + UUID.randomUUID() + ":";
  static String url;
  static TestApplication.Running app;

  @BeforeAll
  static void start() {
    url = Optional.ofNullable(System.getenv("AUTH_TEST_REDIS_URL")).filter(s -> !s.isBlank())
        .orElseGet(() -> answers(6379) ? "redis://127.0.0.1:6379/0" : null);
    Assumptions.assumeTrue(url != null, "Redis is not reachable: set AUTH_TEST_REDIS_URL or start Redis on "
        + "127.0.0.1:6379 (scripts/test.sh does when run as root)");
    app = TestApplication.start(Map.of(
        "authjvm.secret", TestProviders.SECRET,
        "authjvm.store", "redis",
        "authjvm.redis.url", url,
        "authjvm.redis.key-prefix", PREFIX,
        "authjvm.credentials-database-sessions", "true"), TestProviders.credentials());
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
      RedisClient client = RedisClient.create(url);
      try (StatefulRedisConnection<String, String> redis = client.connect()) {
        for (String key : redis.sync().keys(PREFIX + "*")) {
          redis.sync().del(key);
        }
      } finally {
        client.shutdown();
      }
    }
  }

  private static boolean answers(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  @Test
  void aSignInWritesItsSessionUnderTheConfiguredPrefix() throws Exception {
    Browser browser = new Browser(app.origin(), "/api/auth");
    browser.signIn("pw");
    String token = browser.cookie("authjs.session-token").orElseThrow().getValue();
    RedisClient client = RedisClient.create(url);
    try (StatefulRedisConnection<String, String> redis = client.connect()) {
      assertEquals(1, redis.sync().exists(PREFIX + "session:" + token), "no session key under " + PREFIX);
    } finally {
      client.shutdown();
    }
    assertEquals("hello Jo", browser.get("/hello", "text/html").body());
  }
}
