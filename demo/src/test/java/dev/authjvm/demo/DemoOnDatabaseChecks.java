package dev.authjvm.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authjvm.core.config.Environment;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
  private final CookieManager cookies = new CookieManager();
  private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();

  /** E.g. {@code POSTGRES}: the environment variables are {@code AUTH_TEST_POSTGRES_URL} and so on. */
  abstract String name();

  abstract int defaultPort();

  abstract String defaultUrl();

  abstract String defaultUser();

  /** Creates this run's schema or database. */
  abstract void create(Statement admin) throws SQLException;

  abstract void drop(Statement admin) throws SQLException;

  /** The demo's AUTH_JDBC_URL: the server's URL narrowed to this run's schema or database. */
  abstract String demoUrl(String serverUrl);

  @BeforeAll
  void startDemo() throws SQLException {
    String variable = "AUTH_TEST_" + name() + "_URL";
    Optional<String> fromEnv = Optional.ofNullable(System.getenv(variable)).filter(s -> !s.isBlank());
    Assumptions.assumeTrue(fromEnv.isPresent() || answers(defaultPort()), name() + " is not reachable: set " + variable
        + " or start it on 127.0.0.1:" + defaultPort() + " (scripts/test.sh does when run as root)");
    adminUrl = fromEnv.orElse(defaultUrl());
    user = System.getenv().getOrDefault(variable + "_USER", defaultUser());
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

  private String body(String path) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString()).body();
  }

  @Test
  void theDemoUserSignsInWithASessionStoredInTheDatabase() throws Exception {
    String csrf = body("/api/auth/csrf").replaceAll(".*\"csrfToken\":\"(\\w+)\".*", "$1");
    HttpResponse<String> signIn = client.send(HttpRequest.newBuilder(URI.create(base + "/api/auth/callback/credentials"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-Auth-Return-Redirect", "1")
        .POST(HttpRequest.BodyPublishers.ofString("csrfToken=" + csrf + "&username=demo&password=demo")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, signIn.statusCode(), signIn.body());
    HttpCookie session = cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals("authjs.session-token")).findFirst().orElseThrow();
    assertFalse(session.getValue().contains("."), "a database session token, not a JWE: " + session.getValue());
    assertTrue(body("/api/auth/session").contains("\"name\":\"Demo User\""));

    try (Connection c = DriverManager.getConnection(demoUrl(adminUrl), user, password);
         PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM auth_session WHERE session_token = ?")) {
      s.setString(1, session.getValue());
      try (ResultSet rows = s.executeQuery()) {
        rows.next();
        assertEquals(1, rows.getInt(1), "the session row in " + space);
      }
    }
  }
}
