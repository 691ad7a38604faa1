package dev.authjvm.demo;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authjvm.core.config.Environment;
import io.javalin.Javalin;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The demo's start-up log tells how to sign in without printing a password someone chose. */
class DemoLogTest {
  @Test
  void aPasswordFromTheEnvironmentIsNeverLogged() {
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    PrintStream original = System.err;
    System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
    Javalin app = null;
    try {
      app = DemoApp.start(Environment.of(Map.of("PORT", "0", "AUTH_DEMO_PASSWORD", "correct-horse-battery")));
    } finally {
      System.setErr(original);
      if (app != null) {
        app.stop();
      }
    }
    String printed = log.toString(StandardCharsets.UTF_8);
    assertTrue(printed.contains("AUTH_DEMO_PASSWORD"), printed);
    assertFalse(printed.contains("correct-horse-battery"), printed);
  }
}
