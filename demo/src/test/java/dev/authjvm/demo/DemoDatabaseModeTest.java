package dev.authjvm.demo;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authjvm.core.spi.Environment;
import io.javalin.Javalin;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code AUTH_DEMO_DB=h2}: the demo keeps database sessions in embedded H2 (here in memory, not the default file). */
class DemoDatabaseModeTest {
  static Javalin app;
  static String base;

  @BeforeAll
  static void start() {
    app = DemoApp.start(Environment.of(Map.of("PORT", "0", "AUTH_DEMO_DB", "h2",
        "AUTH_JDBC_URL", "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "AUTH_JDBC_CREATE_SCHEMA", "true")));
    base = "http://localhost:" + app.port();
  }

  @AfterAll
  static void stop() {
    app.stop();
  }

  @Test
  void theDemoUserSignsInWithADatabaseSessionWhoseCookieIsAnOpaqueToken() throws Exception {
    DemoBrowser browser = new DemoBrowser(base);
    String session = browser.signInAsDemo();
    assertFalse(session.contains("."), "a database session token, not a JWE: " + session);
    assertTrue(browser.body("/api/auth/session").contains("\"name\":\"Demo User\""));
  }
}
