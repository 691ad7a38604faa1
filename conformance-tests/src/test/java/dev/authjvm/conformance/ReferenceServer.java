package dev.authjvm.conformance;

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
 * One of the official servers kept in this module's directory, each from npm with its lockfile, in the
 * kit's standard configuration ({@link KitConfigs}: same secret, credentials provider and jwt callback),
 * started with Node.js on a free loopback port. Shared by every test that checks something against the
 * real thing (published as this module's test-jar). Needs Node.js and npm: without them the calling test
 * is skipped, except under {@code CI=true} where that is a failure.
 */
public final class ReferenceServer implements AutoCloseable {
  /** The official servers. */
  public enum Kind {
    /** Auth.js v5: {@code @auth/express} in {@code authjs-reference/}. */
    AUTHJS_V5("authjs-reference"),
    /** NextAuth.js v4: {@code next-auth@4}'s API-route handler on Express, in {@code nextauth-v4-reference/}. */
    NEXTAUTH_V4("nextauth-v4-reference");

    private final String directory;

    Kind(String directory) {
      this.directory = directory;
    }
  }

  private static final Duration READY_WITHIN = Duration.ofSeconds(60);
  private final Process process;
  private final String baseUrl;

  private ReferenceServer(Process process, String baseUrl) {
    this.process = process;
    this.baseUrl = baseUrl;
  }

  /**
   * Installs the server's packages when they are missing ({@code npm ci}), starts it and waits until it
   * answers. {@code environment} adds variables, e.g. {@code EXAMPLE_OAUTH_ISSUER} (see reference-config.mjs).
   */
  public static ReferenceServer start(Kind kind, Map<String, String> environment) throws IOException, InterruptedException {
    boolean node = onPath("node") && onPath("npm");
    if (!node && "true".equals(System.getenv("CI"))) {
      throw new IllegalStateException("CI needs Node.js and npm on the PATH to run the official " + kind + " server");
    }
    Assumptions.assumeTrue(node, "Node.js and npm are needed to run the official " + kind
        + " server; install them (apt-get install nodejs npm)");
    Path dir = moduleDirectory().resolve(kind.directory);
    Files.createDirectories(Path.of("target"));
    if (!Files.isDirectory(dir.resolve("node_modules"))) {
      npmCi(dir, new File("target/npm-ci-" + kind.directory + ".log"));
    }
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    String origin = "http://127.0.0.1:" + port;
    File log = new File("target/" + kind.directory + ".log");
    ProcessBuilder pb = new ProcessBuilder("node", "server.mjs").directory(dir.toFile())
        .redirectErrorStream(true).redirectOutput(log);
    pb.environment().put("PORT", String.valueOf(port));
    pb.environment().put(kind == Kind.AUTHJS_V5 ? "AUTH_URL" : "NEXTAUTH_URL",
        kind == Kind.AUTHJS_V5 ? origin : origin + "/api/auth");
    pb.environment().put("AUTH_SECRET", KitConfigs.SECRET);
    pb.environment().put("NODE_ENV", "production");
    pb.environment().putAll(environment);
    ReferenceServer server = new ReferenceServer(pb.start(), origin + "/api/auth");
    // A test JVM that ends without close() (a failed start-up, Ctrl-C) must not leave Node running.
    Runtime.getRuntime().addShutdownHook(new Thread(server.process::destroy));
    server.awaitReady(log);
    return server;
  }

  /** The API's URL, e.g. {@code http://127.0.0.1:41234/api/auth}. */
  public String baseUrl() {
    return baseUrl;
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    process.waitFor(10, TimeUnit.SECONDS);
  }

  /** This module's directory, found from where its test classes are (target/test-classes or the test-jar). */
  private static Path moduleDirectory() {
    try {
      Path classes = Path.of(ReferenceServer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return classes.getParent().getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Never inheritIO: npm makes an inherited stdin non-blocking, which breaks the channel between Maven
   * and the test JVM ("std/in stream corrupted").
   */
  private static void npmCi(Path dir, File log) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error").directory(dir.toFile())
        .redirectErrorStream(true).redirectOutput(log).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .start();
    if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IllegalStateException("npm ci failed in " + dir + "; see " + log.getAbsolutePath());
    }
  }

  private void awaitReady(File log) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    URI probe = URI.create(baseUrl + "/providers");
    long deadline = System.nanoTime() + READY_WITHIN.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the server exited; see " + log.getAbsolutePath());
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
        + " s; see " + log.getAbsolutePath());
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
