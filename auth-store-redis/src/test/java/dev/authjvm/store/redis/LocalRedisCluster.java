package dev.authjvm.store.redis;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real three-node Redis Cluster for the test: {@code AUTH_TEST_REDIS_CLUSTER_URL} if set, else
 * three {@code redis-server} processes on free loopback ports joined by {@code redis-cli --cluster create},
 * else the test is skipped with a message saying how to enable it.
 */
final class LocalRedisCluster implements AutoCloseable {
  private final List<Process> nodes = new ArrayList<>();
  private final Path dir;
  final String url;

  private LocalRedisCluster(String url, Path dir) {
    this.url = url;
    this.dir = dir;
  }

  static LocalRedisCluster start() throws Exception {
    Optional<String> fromEnv = Optional.ofNullable(System.getenv("AUTH_TEST_REDIS_CLUSTER_URL")).filter(s -> !s.isBlank());
    if (fromEnv.isPresent()) {
      return new LocalRedisCluster(fromEnv.get(), null);
    }
    Assumptions.assumeTrue(onPath("redis-server") && onPath("redis-cli"), "no Redis Cluster: set "
        + "AUTH_TEST_REDIS_CLUSTER_URL to a node's URL, or install redis-server and redis-cli (Debian: redis-server)");
    Path dir = Files.createTempDirectory("authjvm-redis-cluster");
    int[] ports = {freePort(), freePort(), freePort()};
    LocalRedisCluster cluster = new LocalRedisCluster("redis://127.0.0.1:" + ports[0], dir);
    try {
      List<String> create = new ArrayList<>(List.of("redis-cli", "--cluster", "create"));
      for (int port : ports) {
        Path nodeDir = Files.createDirectories(dir.resolve(Integer.toString(port)));
        cluster.nodes.add(new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
            "--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf", "--save", "", "--appendonly", "no",
            "--dir", nodeDir.toString()).redirectErrorStream(true).redirectOutput(nodeDir.resolve("log").toFile())
            .start());
        create.add("127.0.0.1:" + port);
      }
      for (int port : ports) {
        waitFor(() -> run("redis-cli", "-p", Integer.toString(port), "ping").contains("PONG"), "node " + port);
      }
      create.addAll(List.of("--cluster-replicas", "0", "--cluster-yes"));
      String created = run(create.toArray(String[]::new));
      if (!created.contains("[OK]")) {
        throw new IllegalStateException("redis-cli --cluster create failed: " + created);
      }
      waitFor(() -> run("redis-cli", "-p", Integer.toString(ports[0]), "cluster", "info").contains("cluster_state:ok"),
          "cluster_state:ok");
      return cluster;
    } catch (Exception e) {
      cluster.close();
      throw e;
    }
  }

  private interface Check {
    boolean ok() throws Exception;
  }

  private static void waitFor(Check check, String what) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    while (!check.ok()) {
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("Redis Cluster not ready: " + what);
      }
      TimeUnit.MILLISECONDS.sleep(100);
    }
  }

  private static String run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    p.waitFor(20, TimeUnit.SECONDS);
    return out;
  }

  private static boolean onPath(String program) {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String d : path.split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(d, program))) {
        return true;
      }
    }
    return false;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  @Override
  public void close() {
    nodes.forEach(Process::destroy);
    for (Process p : nodes) {
      try {
        p.waitFor(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (dir != null) {
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      } catch (IOException ignored) {
        // a temp directory left behind is harmless
      }
    }
  }
}
