package dev.authjvm.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

/** AUTH_DEMO_OIDC=1: an OAuth sign-in through the embedded OIDC server, offline, as a browser does it. */
class DemoOidcTest {
  static Javalin app;
  static String base;
  final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
      .followRedirects(HttpClient.Redirect.NEVER).build();

  @BeforeAll
  static void start() {
    app = DemoApp.start(Environment.of(Map.of("PORT", "0", "AUTH_DEMO_OIDC", "1")));
    base = "http://localhost:" + app.port();
  }

  @AfterAll
  static void stop() {
    app.stop();
  }

  HttpResponse<String> send(HttpRequest.Builder r) throws Exception {
    return client.send(r.build(), HttpResponse.BodyHandlers.ofString());
  }

  static HttpRequest.Builder form(String url, String body) {
    return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body));
  }

  static String location(HttpResponse<String> r) {
    return r.headers().firstValue("Location").orElseThrow(() -> new AssertionError(r.statusCode() + " " + r.body()));
  }

  @Test
  void theEmbeddedProviderIsListed() throws Exception {
    String providers = send(HttpRequest.newBuilder(URI.create(base + "/api/auth/providers"))).body();
    assertTrue(providers.contains("\"demo-oidc\":{\"id\":\"demo-oidc\",\"name\":\"Demo OIDC (offline)\",\"type\":\"oidc\""),
        providers);
  }

  @Test
  void aUserSignsInThroughTheLoginPageOfTheEmbeddedServer() throws Exception {
    String csrf = send(HttpRequest.newBuilder(URI.create(base + "/api/auth/csrf"))).body()
        .replaceAll(".*\"csrfToken\":\"(\\w+)\".*", "$1");
    String authorize = location(send(form(base + "/api/auth/signin/demo-oidc", "csrfToken=" + csrf + "&callbackUrl=%2F")));
    assertTrue(send(HttpRequest.newBuilder(URI.create(authorize))).body().contains("name=\"username\""));
    String callback = location(send(form(authorize, "username=ada")));
    assertEquals(base + "/", location(send(HttpRequest.newBuilder(URI.create(callback)))));
    String session = send(HttpRequest.newBuilder(URI.create(base + "/api/auth/session"))).body();
    assertTrue(session.startsWith("{\"user\":{\"name\":\"ada\",\"email\":\"ada@demo.example\"}"), session);
  }
}
