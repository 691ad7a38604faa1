package dev.authjvm.store.redis;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;

/**
 * Where Redis tests find their server (DEVELOPERS.md): {@code AUTH_TEST_REDIS_URL}, else the machine's
 * Redis on 127.0.0.1:6379, else a Testcontainers container when Docker is up, else the test is skipped
 * with a message saying how to enable it.
 */
final class TestRedis {
  private static String url;

  private TestRedis() {}

  static synchronized String url() {
    if (url == null) {
      url = find();
    }
    return url;
  }

  private static String find() {
    Optional<String> fromEnv = Optional.ofNullable(System.getenv("AUTH_TEST_REDIS_URL")).filter(s -> !s.isBlank());
    if (fromEnv.isPresent()) {
      return fromEnv.get();
    }
    if (answers(6379)) {
      return "redis://127.0.0.1:6379/0";
    }
    if (dockerIsUp()) {
      @SuppressWarnings("resource")
      GenericContainer<?> redis = new GenericContainer<>("redis:7-alpine").withExposedPorts(6379);
      redis.start();
      return "redis://" + redis.getHost() + ":" + redis.getMappedPort(6379) + "/0";
    }
    Assumptions.abort("Redis is not reachable: set AUTH_TEST_REDIS_URL, start Redis on 127.0.0.1:6379"
        + " (scripts/test.sh does when run as root), or run a Docker engine");
    throw new AssertionError("unreachable");
  }

  static boolean answers(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean dockerIsUp() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }
}
