package dev.authjvm.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authjvm.conformance.runner.ConsoleRunner;
import dev.authjvm.testsupport.Services;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The kit checked against the real thing: its black-box mode against the official Auth.js server
 * ({@code authjs-reference/}, {@code @auth/express} from npm in the kit's standard configuration) passes
 * every check that is not a documented {@link Deviation}, including the two-way session-token checks.
 * Needs Node.js and npm: skipped without them, except under {@code CI=true} where that is a failure.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthJsReferenceTest {
  private static final Path DIR = Path.of("authjs-reference").toAbsolutePath();
  /**
   * Every standard check that is not a documented deviation (the kit's README states this number): a
   * check that silently stopped running against Auth.js lowers it, and one added raises it.
   */
  private static final int CHECKS_RUN = 123;
  private static final Pattern COUNTS = Pattern.compile("(\\d+) checks run: (\\d+) passed, (\\d+) failed; (\\d+) skipped");
  private Process server;
  private String baseUrl;

  @BeforeAll
  void startTheAuthJsServer() throws Exception {
    if (!onPath("node") || !onPath("npm")) {
      throw Services.missing("Node.js and npm are needed to run Auth.js; install them (apt-get install nodejs npm)");
    }
    if (!Files.isDirectory(DIR.resolve("node_modules"))) {
      run(new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"), Duration.ofMinutes(5));
    }
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    baseUrl = "http://127.0.0.1:" + port + "/api/auth";
    ProcessBuilder pb = new ProcessBuilder("node", "server.mjs").directory(DIR.toFile())
        .redirectErrorStream(true).redirectOutput(new File("target/authjs-reference.log"));
    pb.environment().put("PORT", String.valueOf(port));
    pb.environment().put("AUTH_URL", "http://127.0.0.1:" + port);
    pb.environment().put("AUTH_SECRET", KitConfigs.SECRET);
    pb.environment().put("NODE_ENV", "production");
    server = pb.start();
    awaitReady(URI.create(baseUrl + "/providers"));
  }

  @AfterAll
  void stopIt() throws InterruptedException {
    if (server != null) {
      server.destroy();
      server.waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void theKitPassesAgainstAuthJsApartFromDocumentedDeviations() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = ConsoleRunner.run(new String[] {"--base-url", baseUrl, "--authjs"},
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    String report = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
    System.out.println(report);
    assertEquals(0, status, report);
    Matcher counts = COUNTS.matcher(report);
    assertTrue(counts.find(), "no summary line: " + report);
    assertEquals(CHECKS_RUN, Integer.parseInt(counts.group(1)), "checks run against Auth.js: " + report);
    assertEquals(CHECKS_RUN, Integer.parseInt(counts.group(2)), "checks passed against Auth.js: " + report);
    assertTrue(report.matches("(?s).*black-box server / §6 session tokens interoperate[^\\n]*\\s2\\s+2\\s+0\\s+0\\n.*"),
        "both token checks ran and passed: " + report);
  }

  private static boolean onPath(String command) {
    try {
      return new ProcessBuilder(command, "--version").redirectErrorStream(true).start().waitFor() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * Runs a command with its output in a log file. Never inheritIO: npm makes the inherited stdin
   * non-blocking, which breaks the channel between Maven and this test JVM ("std/in stream corrupted").
   */
  private static void run(ProcessBuilder pb, Duration limit) throws Exception {
    File log = new File("target/npm-ci.log");
    Process p = pb.directory(DIR.toFile()).redirectErrorStream(true).redirectOutput(log)
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
    if (!p.waitFor(limit.toSeconds(), TimeUnit.SECONDS) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IllegalStateException(String.join(" ", pb.command()) + " failed in " + DIR + "; see " + log);
    }
  }

  private void awaitReady(URI probe) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      if (!server.isAlive()) {
        throw new IllegalStateException("the Auth.js server exited; see target/authjs-reference.log");
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
    throw new IllegalStateException("the Auth.js server did not answer " + probe + " within 30 s");
  }
}
