package dev.authjvm.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authjvm.conformance.runner.ConsoleRunner;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The kit checked against the real thing: its black-box mode against the official Auth.js server
 * ({@code authjs-reference/}, {@code @auth/express} from npm in the kit's standard configuration) passes
 * every check that is not a documented {@link Deviation}, including the two-way session-token checks.
 * Needs Node.js and npm; skipped without them, except under {@code CI=true} where that is a failure.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthJsReferenceTest {
  private ReferenceServer server;

  @BeforeAll
  void startTheAuthJsServer() throws Exception {
    server = ReferenceServer.start(ReferenceServer.Kind.AUTHJS_V5, Map.of());
  }

  @AfterAll
  void stopIt() throws InterruptedException {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void theKitPassesAgainstAuthJsApartFromDocumentedDeviations() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = ConsoleRunner.run(new String[] {"--base-url", server.baseUrl(), "--authjs"},
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    String report = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
    System.out.println(report);
    assertEquals(0, status, report);
    assertTrue(report.contains("§6 session tokens interoperate"), "the token checks ran: " + report);
  }
}
