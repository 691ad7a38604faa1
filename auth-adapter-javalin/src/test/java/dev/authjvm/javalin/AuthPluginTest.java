package dev.authjvm.javalin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authjvm.core.Auth;
import dev.authjvm.core.config.AuthConfig;
import dev.authjvm.core.spi.Environment;
import dev.authjvm.core.provider.CredentialsProvider;
import dev.authjvm.core.user.User;
import io.javalin.Javalin;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.CookieManager;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Javalin-specific parts: mounting, the body limit, the session guard and accessor. */
class AuthPluginTest {
  static Javalin app;
  static String base;
  final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

  @BeforeAll
  static void start() {
    Auth auth = Auth.create(AuthConfig.builder().secret("javalin-test-secret-0123456789abcdef")
        .environment(Environment.of(Map.of())).discoverProviders(false)
        .provider(CredentialsProvider.builder().authorize((f, r) -> "pw".equals(f.get("password"))
            ? Optional.of(User.of("7", "Jo", "jo@example.com")) : Optional.empty()).build())
        .build());
    app = Javalin.create(config -> {
      config.registerPlugin(new AuthPlugin(c -> c.auth = auth));
      config.routes.before("/private", AuthPlugin.requireSession());
      config.routes.get("/private", ctx -> ctx.result("hello " + ctx.with(AuthPlugin.class).session().orElseThrow().user().name()));
    }).start(0);
    base = "http://localhost:" + app.port();
  }

  @AfterAll
  static void stop() {
    app.stop();
  }

  HttpResponse<String> send(HttpRequest.Builder r) throws Exception {
    return client.send(r.build(), HttpResponse.BodyHandlers.ofString());
  }

  private void signIn() throws Exception {
    String csrf = send(HttpRequest.newBuilder(URI.create(base + "/api/auth/csrf"))).body().replaceAll(".*\"csrfToken\":\"(\\w+)\".*", "$1");
    send(HttpRequest.newBuilder(URI.create(base + "/api/auth/callback/credentials"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-Auth-Return-Redirect", "1")
        .POST(HttpRequest.BodyPublishers.ofString("csrfToken=" + csrf + "&password=pw")));
  }

  @Test
  void theApiIsServedUnderTheBasePathWithOneContentType() throws Exception {
    HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/api/auth/session")));
    assertEquals(200, r.statusCode());
    assertEquals("null", r.body());
    assertEquals(java.util.List.of("application/json"), r.headers().allValues("Content-Type"));
  }

  @Test
  void aBodyDeclaredOver64KiBIs413() throws Exception {
    // Only the headers are sent: the server answers before reading, and a client still sending a body
    // it refused could see the connection reset before the answer.
    try (Socket socket = new Socket("localhost", app.port())) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(("POST /api/auth/signout HTTP/1.1\r\nHost: localhost\r\n"
          + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 70000\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(),
          StandardCharsets.US_ASCII)).readLine();
      assertEquals("HTTP/1.1 413 Payload Too Large", statusLine);
    }
  }

  @Test
  void theGuardSendsPagesToTheSignInPage() throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/private"))
        .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(302, r.statusCode());
    assertEquals(base + "/api/auth/signin?callbackUrl=%2Fprivate", r.headers().firstValue("Location").orElseThrow());
  }

  @Test
  void theGuardAnswersApiCallsWith401() throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/private"))
        .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(401, r.statusCode());
    assertTrue(r.body().contains("SessionRequired"));
  }

  @Test
  void aSignedInRequestPassesTheGuardAndSeesItsSession() throws Exception {
    signIn();
    HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/private")));
    assertEquals(200, r.statusCode());
    assertEquals("hello Jo", r.body());
  }
}
