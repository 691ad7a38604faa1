package dev.authjvm.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authjvm.core.http.HttpHeaders;
import dev.authjvm.core.http.RequestBody;
import dev.authjvm.core.log.LogSafe;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/** A client cannot write lines of its own into the server log, nor read credentials out of it. */
@Isolated
class LogInjectionTest {
  @Test
  void aLineBreakInARequestPathCannotForgeALogLine() {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream original = System.err;
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      new TestBrowser(Auth.create(AuthFixtures.builder().build()), "http://localhost")
          .get("/api/auth/callback/x%0A[auth][error]%20forged");
    } finally {
      System.setErr(original);
    }
    String log = captured.toString(StandardCharsets.UTF_8);
    assertTrue(log.contains("x\\n[auth][error] forged"), log);
    assertFalse(log.lines().anyMatch(line -> line.startsWith("[auth][error] forged")), log);
  }

  @Test
  void controlCharactersAreEscapedAndLongValuesCut() {
    assertEquals("a\\r\\nb\\u0000\\u2028", LogSafe.text("a\r\nb\u0000\u2028"));
    String cut = LogSafe.text("x".repeat(10_000));
    assertTrue(cut.startsWith("x".repeat(LogSafe.MAX_LENGTH) + "…(10000 chars)"), cut);
  }

  @Test
  void emailAddressesAreMasked() {
    assertEquals("a***@example.com", LogSafe.email("alice@example.com"));
    assertEquals("***", LogSafe.email("not-an-address"));
  }

  @Test
  void headersPrintWithoutCookiesOrCredentials() {
    String printed = HttpHeaders.builder().add("Cookie", "authjs.session-token=secret").add("Authorization", "Bearer t0ken")
        .add("Accept", "text/html").build().toString();
    assertFalse(printed.contains("secret") || printed.contains("t0ken"), printed);
    assertTrue(printed.contains("Accept=text/html"), printed);
  }

  @Test
  void aBodyPrintsItsFieldNamesButNoValues() {
    RequestBody body = new RequestBody(Map.of("username", "demo", "password", "hunter2"), Map.of());
    String printed = body.toString();
    assertFalse(printed.contains("hunter2") || printed.contains("demo"), printed);
    assertTrue(printed.contains("password"), printed);
  }
}
