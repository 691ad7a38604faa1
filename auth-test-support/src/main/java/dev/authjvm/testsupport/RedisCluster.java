package dev.authjvm.testsupport;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real three-node Redis Cluster for a test: {@code AUTH_TEST_REDIS_CLUSTER_URL} if set, else three
 * {@code redis-server} processes of the test's own on free loopback ports, joined by
 * {@code redis-cli --cluster create}, else {@link Services#unavailable}. Close it to stop the nodes.
 */
public final class RedisCluster implements AutoCloseable {
  private static final String ENV = "AUTH_TEST_REDIS_CLUSTER_URL";
  private final List<Process> nodes = new ArrayList<>();
  private final Path dir;
  private final String url;

  private RedisCluster(String url, Path dir) {
    this.url = url;
    this.dir = dir;
  }

  /** The URL of one node, e.g. {@code redis://127.0.0.1:40123}; a cluster client finds the others. */
  public String url() {
    return url;
  }

  public static RedisCluster start() throws IOException, InterruptedException {
    Optional<String> fromEnv = Services.env(ENV);
    if (fromEnv.isPresent()) {
      if (!Services.urlAnswers(fromEnv.get(), 6379)) {
        throw Services.unavailable("Redis Cluster", Services.address(fromEnv.get(), 6379) + " (" + ENV + ")",
            "start the cluster or unset " + ENV + " to let the test start its own");
      }
      return new RedisCluster(fromEnv.get(), null);
    }
    if (!onPath("redis-server") || !onPath("redis-cli")) {
      throw Services.unavailable("Redis Cluster", "three local redis-server processes",
          "install redis-server and redis-cli (Debian: apt-get install redis-server), or set " + ENV + " to a node's URL");
    }
    Path dir = Files.createTempDirectory("authjvm-redis-cluster");
    int[] ports = {FreePorts.next(), FreePorts.next(), FreePorts.next()};
    RedisCluster cluster = new RedisCluster("redis://127.0.0.1:" + ports[0], dir);
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
    } catch (IOException | InterruptedException | RuntimeException e) {
      cluster.close();
      throw e;
    }
  }

  private interface Check {
    boolean ok() throws IOException, InterruptedException;
  }

  /** Polls with a deadline generous enough for a loaded machine. */
  private static void waitFor(Check check, String what) throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (!check.ok()) {
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("Redis Cluster not ready within 60 s: " + what);
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
    for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(d, program))) {
        return true;
      }
    }
    return false;
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
        files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      } catch (IOException ignored) {
        // a temp directory left behind is harmless
      }
    }
  }
}
