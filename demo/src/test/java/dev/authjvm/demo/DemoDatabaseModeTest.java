package dev.authjvm.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authjvm.core.spi.Environment;
import io.javalin.Javalin;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code AUTH_DEMO_DB=h2}: the demo keeps database sessions in embedded H2 (here in memory, not the default file). */
class DemoDatabaseModeTest {
  static Javalin app;
  static String base;
  final CookieManager cookies = new CookieManager();
  final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();

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

  String body(String path) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString()).body();
  }

  @Test
  void theDemoUserSignsInWithADatabaseSessionWhoseCookieIsAnOpaqueToken() throws Exception {
    String csrf = body("/api/auth/csrf").replaceAll(".*\"csrfToken\":\"(\\w+)\".*", "$1");
    HttpResponse<String> signIn = client.send(HttpRequest.newBuilder(URI.create(base + "/api/auth/callback/credentials"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-Auth-Return-Redirect", "1")
        .POST(HttpRequest.BodyPublishers.ofString("csrfToken=" + csrf + "&username=demo&password=demo")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, signIn.statusCode());

    HttpCookie session = cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals("authjs.session-token")).findFirst().orElseThrow();
    assertFalse(session.getValue().contains("."), "a database session token, not a JWE: " + session.getValue());
    assertTrue(body("/api/auth/session").contains("\"name\":\"Demo User\""));
  }
}
