package dev.authjvm.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authjvm.core.spi.Environment;
import io.javalin.Javalin;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README's promise: csrf, credentials callback with X-Auth-Return-Redirect, session shows the demo
 * user, and the sign-ins are counted at {@code /metrics}.
 */
class DemoAppTest {
  static Javalin app;
  static String base;
  final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

  @BeforeAll
  static void start() {
    app = DemoApp.start(Environment.of(Map.of("PORT", "0")));
    base = "http://localhost:" + app.port();
  }

  @AfterAll
  static void stop() {
    app.stop();
  }

  HttpResponse<String> send(HttpRequest.Builder r) throws Exception {
    return client.send(r.build(), HttpResponse.BodyHandlers.ofString());
  }

  String csrfToken() throws Exception {
    return send(HttpRequest.newBuilder(URI.create(base + "/api/auth/csrf"))).body()
        .replaceAll(".*\"csrfToken\":\"(\\w+)\".*", "$1");
  }

  /** The credentials POST as the v5 client makes it. */
  HttpResponse<String> signIn(String csrf, String password) throws Exception {
    return signIn(csrf, "demo", password);
  }

  HttpResponse<String> signIn(String csrf, String username, String password) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(base + "/api/auth/callback/credentials"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-Auth-Return-Redirect", "1")
        .POST(HttpRequest.BodyPublishers.ofString("csrfToken=" + csrf + "&username=" + username + "&password=" + password)));
  }

  @Test
  void theCurlSequenceOfTheReadmeSignsInTheDemoUser() throws Exception {
    assertEquals(200, signIn(csrfToken(), "demo").statusCode());
    String session = send(HttpRequest.newBuilder(URI.create(base + "/api/auth/session"))).body();
    assertTrue(session.startsWith("{\"user\":{\"name\":\"Demo User\",\"email\":\"demo@example.com\"},\"expires\":\""), session);
    assertTrue(send(HttpRequest.newBuilder(URI.create(base + "/protected"))).body().contains("Hello, Demo User"));
    assertTrue(send(HttpRequest.newBuilder(URI.create(base + "/"))).body().contains("Signed in as <strong>Demo User</strong>"));
  }

  @Test
  void theProtectedPageSendsStrangersToSignIn() throws Exception {
    HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/protected")).header("Accept", "text/html"));
    assertEquals(302, r.statusCode());
  }

  @Test
  void aWrongPasswordIsRefused() throws Exception {
    HttpResponse<String> r = signIn(csrfToken(), "nope");
    assertTrue(r.body().contains("error=CredentialsSignin"), r.body());
  }

  @Test
  void updateRenamesTheUser() throws Exception {
    String csrf = csrfToken();
    signIn(csrf, "demo");
    HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/api/auth/session"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"csrfToken\":\"" + csrf + "\",\"data\":{\"name\":\"Renamed\"}}")));
    assertTrue(r.body().contains("\"name\":\"Renamed\""), r.body());
  }

  @Test
  void withoutSmtpTheEmailLinkIsPrintedToTheConsoleAndSignsIn() throws Exception {
    java.io.PrintStream original = System.err;
    java.io.ByteArrayOutputStream console = new java.io.ByteArrayOutputStream();
    System.setErr(new java.io.PrintStream(console, true, java.nio.charset.StandardCharsets.UTF_8));
    HttpResponse<String> requested;
    try {
      requested = send(HttpRequest.newBuilder(URI.create(base + "/api/auth/signin/email"))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString("csrfToken=" + csrfToken() + "&email=ada%40example.com")));
    } finally {
      System.setErr(original);
    }
    assertEquals(302, requested.statusCode());
    java.util.regex.Matcher link = java.util.regex.Pattern.compile("http://\\S+/callback/email\\?\\S+")
        .matcher(console.toString(java.nio.charset.StandardCharsets.UTF_8));
    assertTrue(link.find(), "the link on the console: " + console);

    send(HttpRequest.newBuilder(URI.create(link.group())));

    assertTrue(send(HttpRequest.newBuilder(URI.create(base + "/api/auth/session"))).body()
        .contains("\"email\":\"ada@example.com\""));
  }

  @Test
  void theMetricsPageCountsASignInInThePrometheusTextFormat() throws Exception {
    signIn(csrfToken(), "demo");

    HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/metrics")));

    assertEquals(200, r.statusCode());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"),
        r.headers().toString());
    assertTrue(r.body().contains("# TYPE authjvm_signins_total counter"), r.body());
    assertTrue(r.body().contains("authjvm_signins_total{outcome=\"success\",provider=\"credentials\"} "), r.body());
  }

  @Test
  void whatAUserTypedNeverReachesTheMetrics() throws Exception {
    signIn(csrfToken(), "mallory-typed-this", "guess");

    String metrics = send(HttpRequest.newBuilder(URI.create(base + "/metrics"))).body();

    assertTrue(metrics.contains("outcome=\"CredentialsSignin\""), metrics);
    assertFalse(metrics.contains("mallory-typed-this"), metrics);
  }
}
