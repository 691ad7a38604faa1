package dev.authjvm.undertow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authjvm.core.Auth;
import dev.authjvm.core.callback.Callbacks;
import dev.authjvm.core.callback.SameOriginRedirect;
import dev.authjvm.core.config.AuthConfig;
import dev.authjvm.core.spi.Environment;
import dev.authjvm.core.provider.CredentialsProvider;
import dev.authjvm.core.user.User;
import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.server.HttpHandler;
import java.net.CookieManager;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Undertow-specific parts: mounting, the body limit, the session guard and accessor. */
class AuthHandlerTest {
  static Undertow server;
  static String base;
  static volatile String redirectThread;
  static volatile String sessionThread;
  final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

  @BeforeAll
  static void start() {
    Auth auth = Auth.create(AuthConfig.builder().secret("undertow-test-secret-0123456789abcdef")
        .environment(Environment.of(Map.of())).discoverProviders(false)
        .callbacks(Callbacks.DEFAULTS
            .withRedirect((url, baseUrl) -> {
              redirectThread = Thread.currentThread().getName();
              return SameOriginRedirect.INSTANCE.redirect(url, baseUrl);
            })
            .withSession(p -> {
              sessionThread = Thread.currentThread().getName();
              return p.session();
            }))
        .provider(CredentialsProvider.builder().authorize((f, r) -> "pw".equals(f.get("password"))
            ? Optional.of(User.of("7", "Jo", "jo@example.com")) : Optional.empty()).build())
        .build());
    HttpHandler hello = exchange -> exchange.getResponseSender()
        .send("hello " + AuthHandler.session(auth, exchange).orElseThrow().user().name());
    server = Undertow.builder().addHttpListener(0, "127.0.0.1")
        .setHandler(AuthHandler.mount(auth, Handlers.path().addPrefixPath("/private", AuthHandler.requireSession(auth, hello))))
        .build();
    server.start();
    int port = ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
    base = "http://localhost:" + port;
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  HttpResponse<String> send(HttpRequest.Builder r) throws Exception {
    return client.send(r.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theApiIsServedUnderTheBasePath() throws Exception {
    HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/api/auth/providers")));
    assertEquals(200, r.statusCode());
    assertTrue(r.body().contains("\"callbackUrl\":\"" + base + "/api/auth/callback/credentials\""), r.body());
  }

  @Test
  void theCsrfTokenIsAnsweredOnTheIoThread() throws Exception {
    HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/api/auth/csrf?callbackUrl=%2Fhome")));
    assertEquals(200, r.statusCode());
    assertTrue(redirectThread.contains("I/O"), "the redirect callback ran on " + redirectThread);
  }

  @Test
  void theSessionIsAnsweredOnAWorkerThread() throws Exception {
    signIn();
    assertTrue(send(HttpRequest.newBuilder(URI.create(base + "/api/auth/session"))).body().contains("\"Jo\""));
    assertTrue(sessionThread.contains("task"), "the session callback ran on " + sessionThread);
  }

  @Test
  void aBodyOver64KiBIs413() throws Exception {
    HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/api/auth/signout"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("a=" + "x".repeat(70_000))));
    assertEquals(413, r.statusCode());
  }

  @Test
  void theGuardSendsPagesToTheSignInPage() throws Exception {
    HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/private?x=1")).header("Accept", "text/html"));
    assertEquals(302, r.statusCode());
    assertEquals(base + "/api/auth/signin?callbackUrl=%2Fprivate%3Fx%3D1", r.headers().firstValue("Location").orElseThrow());
  }

  void signIn() throws Exception {
    String csrf = send(HttpRequest.newBuilder(URI.create(base + "/api/auth/csrf"))).body()
        .replaceAll(".*\"csrfToken\":\"(\\w+)\".*", "$1");
    HttpResponse<String> signIn = send(HttpRequest.newBuilder(URI.create(base + "/api/auth/callback/credentials"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-Auth-Return-Redirect", "1")
        .POST(HttpRequest.BodyPublishers.ofString("csrfToken=" + csrf + "&password=pw")));
    assertEquals("{\"url\":\"" + base + "\"}", signIn.body());
  }

  @Test
  void aSignedInRequestPassesTheGuardAndSeesItsSession() throws Exception {
    signIn();
    HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/private")));
    assertEquals(200, r.statusCode());
    assertEquals("hello Jo", r.body());
  }
}
