package dev.authjvm.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code authjvm.store=jdbc}: database sessions in the application's own DataSource (an embedded H2 here). */
class JdbcStoreTest {
  static TestApplication.Running app;

  @BeforeAll
  static void start() {
    app = TestApplication.start(Map.of(
        "authjvm.secret", TestProviders.SECRET,
        "authjvm.store", "jdbc",
        "authjvm.jdbc.create-schema", "true",
        "authjvm.credentials-database-sessions", "true",
        "spring.datasource.url", "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"), TestProviders.credentials());
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void aSignInWritesItsSessionToTheApplicationsDatabase() throws Exception {
    Browser browser = new Browser(app.origin(), "/api/auth");
    browser.signIn("pw");
    String token = browser.cookie("authjs.session-token").orElseThrow().getValue();
    assertFalse(token.contains("."), "a database session token, not a JWE: " + token);
    try (Connection c = app.context().getBean(DataSource.class).getConnection();
         PreparedStatement s = c.prepareStatement("SELECT user_id FROM auth_session WHERE session_token = ?")) {
      s.setString(1, token);
      try (ResultSet rows = s.executeQuery()) {
        rows.next();
        assertEquals("7", rows.getString(1));
      }
    }
    assertEquals("hello Jo", browser.get("/hello", "text/html").body());
  }
}
