package dev.authjvm.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authjvm.core.spi.Environment;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The demo's {@code /metrics}: what Prometheus scrapes after someone signs in. */
class DemoMetricsTest {
  static Javalin app;
  static String base;

  @BeforeAll
  static void start() {
    app = DemoApp.start(Environment.of(Map.of("PORT", "0")));
    base = "http://localhost:" + app.port();
  }

  @AfterAll
  static void stop() {
    app.stop();
  }

  static HttpResponse<String> scrape() throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/metrics")).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aSignInIsCountedInThePrometheusTextFormat() throws Exception {
    new DemoBrowser(base).signInAsDemo();

    HttpResponse<String> r = scrape();

    assertEquals(200, r.statusCode());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"),
        r.headers().toString());
    assertTrue(r.body().contains("# TYPE authjvm_signins_total counter"), r.body());
    assertTrue(r.body().contains("authjvm_signins_total{outcome=\"success\",provider=\"credentials\"} "), r.body());
  }

  @Test
  void whatAUserTypedNeverReachesTheMetrics() throws Exception {
    HttpClient client = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
    String csrf = client.send(HttpRequest.newBuilder(URI.create(base + "/api/auth/csrf")).build(),
        HttpResponse.BodyHandlers.ofString()).body().replaceAll(".*\"csrfToken\":\"(\\w+)\".*", "$1");
    client.send(HttpRequest.newBuilder(URI.create(base + "/api/auth/callback/credentials"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-Auth-Return-Redirect", "1")
        .POST(HttpRequest.BodyPublishers.ofString("csrfToken=" + csrf + "&username=mallory-typed-this&password=guess"))
        .build(), HttpResponse.BodyHandlers.ofString());

    String metrics = scrape().body();

    assertTrue(metrics.contains("outcome=\"CredentialsSignin\""), metrics);
    assertFalse(metrics.contains("mallory-typed-this"), metrics);
  }
}
