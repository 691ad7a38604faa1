package dev.authjvm.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authjvm.conformance.runner.ConsoleRunner;
import dev.authjvm.core.Auth;
import dev.authjvm.core.config.ProtocolVersion;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The console entry point checks a running server by URL: the black-box mode of the kit. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleRunnerTest {
  private JdkHttpServerAdapter server;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeAll
  void startAServerSetUpAsTheReadmeSays() throws Exception {
    server = new JdkHttpServerAdapter(Auth.create(KitConfigs.standard()));
  }

  @AfterAll
  void stopIt() {
    server.stop();
  }

  private int run(String... args) {
    out.reset();
    err.reset();
    return ConsoleRunner.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void passesEveryStandardCheckAgainstAConformingServerAndExitsZero() {
    int status = run("--base-url", "http://127.0.0.1:" + server.port() + "/api/auth/");
    String summary = out.toString(StandardCharsets.UTF_8);
    assertEquals(0, status, summary + err.toString(StandardCharsets.UTF_8));
    assertTrue(summary.matches("(?s).*\\d{3} checks run: \\d{3} passed, 0 failed; \\d+ skipped.*"), summary);
    assertTrue(summary.contains("black-box server / §2.1 GET /csrf"), "the per-section table: " + summary);
  }

  @Test
  void withProtocolV4RunsTheV4SectionsOnlyAgainstAServerInV4Mode() throws Exception {
    JdkHttpServerAdapter v4 = new JdkHttpServerAdapter(Auth.create(KitConfigs.builder().protocol(ProtocolVersion.V4).build()));
    try {
      int status = run("--base-url", "http://127.0.0.1:" + v4.port() + "/api/auth", "--protocol", "v4");
      String summary = out.toString(StandardCharsets.UTF_8);
      assertEquals(0, status, summary + err.toString(StandardCharsets.UTF_8));
      // The same 23 checks that NextAuthV4ReferenceTest runs against NextAuth v4 itself.
      assertTrue(summary.matches("(?s).*\\n23 checks run: 23 passed, 0 failed; \\d+ skipped.*"), summary);
      assertTrue(summary.contains("black-box server / §12 the v4 generation"), summary);
    } finally {
      v4.stop();
    }
  }

  @Test
  void aV5ServerFailsTheV4Sections() {
    assertEquals(1, run("--base-url", "http://127.0.0.1:" + server.port() + "/api/auth", "--protocol", "v4"));
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("FAILED black-box server / §12"), out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void refusesAProtocolItDoesNotKnow() {
    assertEquals(2, run("--base-url", "http://127.0.0.1:" + server.port() + "/api/auth", "--protocol", "v6"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("--protocol needs v4 or v5"));
  }

  @Test
  void failsWithExitStatusOneWhenTheServerIsNotThere() {
    assertEquals(1, run("--base-url", "http://127.0.0.1:9/api/auth"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("cannot reach http://127.0.0.1:9/api/auth/csrf"));
  }

  @Test
  void exitsWithUsageWhenTheUrlIsMissing() {
    assertEquals(2, run());
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("--base-url"));
  }

  @Test
  void refusesAUrlThatIsNotHttp() {
    assertEquals(2, run("--base-url", "ftp://example.com/api/auth"));
  }
}
