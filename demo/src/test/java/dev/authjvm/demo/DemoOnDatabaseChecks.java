package dev.authjvm.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authjvm.core.spi.Environment;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The demo started as the README says, with only {@code AUTH_JDBC_URL} (and the user) pointing at a real
 * database server: in a schema or database of this run's own, so parallel runs cannot collide. The server
 * is the one named by {@code AUTH_TEST_<NAME>_URL} (plus {@code _USER}, {@code _PASSWORD}), else the
 * machine's on its default port; else the test is skipped with a message.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DemoOnDatabaseChecks {
  /** A fresh name for this run's schema or database. */
  final String space = "demo_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  private String adminUrl;
  private String user;
  private String password;
  private Javalin app;
  private String base;

  /**
   * A database server and where to find it by default.
   *
   * @param name e.g. {@code POSTGRES}: the environment variables are {@code AUTH_TEST_POSTGRES_URL} and so on
   */
  record Server(String name, int port, String url, String user) {}

  abstract Server server();

  /** Creates this run's schema or database. */
  abstract void create(Statement admin) throws SQLException;

  abstract void drop(Statement admin) throws SQLException;

  /** The demo's AUTH_JDBC_URL: the server's URL narrowed to this run's schema or database. */
  abstract String demoUrl(String serverUrl);

  @BeforeAll
  void startDemo() throws SQLException {
    Server server = server();
    String variable = "AUTH_TEST_" + server.name() + "_URL";
    Optional<String> fromEnv = Optional.ofNullable(System.getenv(variable)).filter(s -> !s.isBlank());
    Assumptions.assumeTrue(fromEnv.isPresent() || answers(server.port()), server.name() + " is not reachable: set "
        + variable + " or start it on 127.0.0.1:" + server.port() + " (scripts/test.sh does when run as root)");
    adminUrl = fromEnv.orElse(server.url());
    user = System.getenv().getOrDefault(variable + "_USER", server.user());
    password = System.getenv().getOrDefault(variable + "_PASSWORD", "");
    try (Connection c = DriverManager.getConnection(adminUrl, user, password); Statement s = c.createStatement()) {
      create(s);
    }
    app = DemoApp.start(Environment.of(Map.of("PORT", "0", "AUTH_JDBC_URL", demoUrl(adminUrl),
        "AUTH_JDBC_USER", user, "AUTH_JDBC_PASSWORD", password)));
    base = "http://localhost:" + app.port();
  }

  @AfterAll
  void stopDemo() throws SQLException {
    if (app != null) {
      app.stop();
    }
    if (adminUrl != null) {
      try (Connection c = DriverManager.getConnection(adminUrl, user, password); Statement s = c.createStatement()) {
        drop(s);
      }
    }
  }

  private static boolean answers(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  @Test
  void theDemoUserSignsInWithASessionStoredInTheDatabase() throws Exception {
    DemoBrowser browser = new DemoBrowser(base);
    String session = browser.signInAsDemo();
    assertTrue(browser.body("/api/auth/session").contains("\"name\":\"Demo User\""));
    try (Connection c = DriverManager.getConnection(demoUrl(adminUrl), user, password);
         PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM auth_session WHERE session_token = ?")) {
      s.setString(1, session);
      try (ResultSet rows = s.executeQuery()) {
        rows.next();
        assertEquals(1, rows.getInt(1), "the session row in " + space);
      }
    }
  }
}
