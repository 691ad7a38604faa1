package dev.authjvm.oidc.testing;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A Node.js server kept as a small npm project ({@code package.json}, {@code package-lock.json},
 * {@code server.mjs}) in a directory of this repository: its packages installed from the lockfile
 * ({@code npm ci}) when missing, started on a port the caller chose, and stopped with the test. Without
 * Node.js and npm the calling test is skipped, except under {@code CI=true} where that is a failure.
 */
public final class NodeServer implements AutoCloseable {
  private static final Duration READY_WITHIN = Duration.ofSeconds(60);
  private final Process process;

  private NodeServer(Process process) {
    this.process = process;
  }

  /**
   * Installs the project's packages when they are missing, runs {@code node server.mjs} with {@code PORT}
   * and {@code environment}, and waits until {@code probe} answers 200. Its output goes to {@code log}.
   */
  public static NodeServer start(Path project, int port, Map<String, String> environment, URI probe, Path log)
      throws IOException, InterruptedException {
    requireNode(project.getFileName().toString());
    Files.createDirectories(log.toAbsolutePath().getParent());
    if (!Files.isDirectory(project.resolve("node_modules"))) {
      npmCi(project, log.resolveSibling("npm-ci-" + project.getFileName() + ".log"));
    }
    ProcessBuilder pb = new ProcessBuilder("node", "server.mjs").directory(project.toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().put("PORT", String.valueOf(port));
    pb.environment().putAll(environment);
    NodeServer server = new NodeServer(pb.start());
    // A test JVM that ends without close() (a failed start-up, Ctrl-C) must not leave Node running.
    Runtime.getRuntime().addShutdownHook(new Thread(server.process::destroy));
    server.awaitReady(probe, log);
    return server;
  }

  /**
   * The npm project {@code directory} of the module whose classes hold {@code anchor} (in
   * {@code target/classes}, {@code target/test-classes} or a jar in {@code target/}): this works in the
   * repository's own build, where the project sits beside the module's {@code pom.xml}.
   */
  public static Path project(Class<?> anchor, String directory) {
    try {
      Path classes = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
      Path project = classes.getParent().getParent().resolve(directory);
      if (!Files.isRegularFile(project.resolve("package.json"))) {
        throw new IllegalStateException("no npm project at " + project + ": it runs in the authjvm repository's build only");
      }
      return project;
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A port nothing listens on now, for a server that must be told its port before it starts. */
  public static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** Skips the calling test (or fails it under {@code CI=true}) when Node.js or npm is missing. */
  public static void requireNode(String what) {
    boolean node = onPath("node") && onPath("npm");
    if (!node && "true".equals(System.getenv("CI"))) {
      throw new IllegalStateException("CI needs Node.js and npm on the PATH to run " + what);
    }
    Assumptions.assumeTrue(node, "Node.js and npm are needed to run " + what + "; install them (apt-get install nodejs npm)");
  }

  /**
   * {@code npm ci} in {@code project}. Never inheritIO: npm makes an inherited stdin non-blocking, which
   * breaks the channel between Maven and the test JVM ("std/in stream corrupted").
   */
  public static void npmCi(Path project, Path log) throws IOException, InterruptedException {
    Files.createDirectories(log.toAbsolutePath().getParent());
    Process p = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error")
        .directory(project.toFile()).redirectErrorStream(true).redirectOutput(log.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
    if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IllegalStateException("npm ci failed in " + project + "; see " + log.toAbsolutePath());
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    process.waitFor(10, TimeUnit.SECONDS);
  }

  private void awaitReady(URI probe, Path log) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + READY_WITHIN.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the server exited; see " + log.toAbsolutePath());
      }
      try {
        if (http.send(HttpRequest.newBuilder(probe).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    close();
    throw new IllegalStateException("the server did not answer " + probe + " within " + READY_WITHIN.toSeconds()
        + " s; see " + log.toAbsolutePath());
  }

  private static boolean onPath(String command) {
    try {
      return new ProcessBuilder(command, "--version").redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
