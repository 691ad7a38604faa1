package dev.authjvm.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authjvm.core.config.Theme;
import java.net.HttpCookie;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An application configured only by {@code authjvm.*} properties and beans: a provider bean, a
 * customizer bean, protected paths, and controllers that take the session as an argument.
 */
class AutoConfigurationTest {
  static TestApplication.Running app;

  @BeforeAll
  static void start() {
    AuthConfigCustomizer logo = builder -> builder.theme(new Theme("light", null, "https://example.com/logo.png"));
    app = TestApplication.start(Map.of(
        "authjvm.secret", TestProviders.SECRET,
        "authjvm.base-path", "/auth",
        "authjvm.protocol-version", "v4",
        "authjvm.session.max-age", "3600",
        "authjvm.protected-paths", "/account/**",
        "authjvm.allowed-hosts", "app.example"), TestProviders.credentials(), logo);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  Browser browser() {
    return new Browser(app.origin(), "/auth");
  }

  @Test
  void theApiIsServedAtTheConfiguredBasePathWithTheProviderBean() throws Exception {
    HttpResponse<String> r = browser().get("/auth/providers", "*/*");
    assertEquals(200, r.statusCode());
    assertTrue(r.body().contains("\"callbackUrl\":\"" + app.origin() + "/auth/callback/credentials\""), r.body());
    assertEquals(404, browser().get("/api/auth/providers", "*/*").statusCode());
  }

  @Test
  void theProtocolVersionAndMaxAgeShapeTheSessionCookie() throws Exception {
    Browser browser = browser();
    browser.signIn("pw");
    HttpCookie session = browser.cookie("next-auth.session-token").orElseThrow();
    assertTrue(session.getMaxAge() > 3500 && session.getMaxAge() <= 3600, "Max-Age " + session.getMaxAge());
  }

  @Test
  void aCustomizerBeanChangesTheConfiguration() throws Exception {
    String page = browser().get("/auth/signin", "text/html").body();
    assertTrue(page.contains("https://example.com/logo.png"), page);
  }

  @Test
  void anOptionalSessionArgumentIsEmptyForStrangersAndTheSessionWhenSignedIn() throws Exception {
    Browser browser = browser();
    assertEquals("hello stranger", browser.get("/hello", "text/html").body());
    browser.signIn("pw");
    assertEquals("hello Jo", browser.get("/hello", "text/html").body());
  }

  @Test
  void aSessionArgumentSendsPagesToTheSignInPage() throws Exception {
    HttpResponse<String> r = browser().get("/me", "text/html");
    assertEquals(302, r.statusCode());
    assertEquals(app.origin() + "/auth/signin?callbackUrl=%2Fme", r.headers().firstValue("Location").orElseThrow());
  }

  @Test
  void aSessionArgumentAnswersApiCallsWith401() throws Exception {
    HttpResponse<String> r = browser().get("/me", "application/json");
    assertEquals(401, r.statusCode());
    assertTrue(r.body().contains("SessionRequired"), r.body());
  }

  @Test
  void aSessionArgumentGetsTheSessionWhenSignedIn() throws Exception {
    Browser browser = browser();
    browser.signIn("pw");
    HttpResponse<String> r = browser.get("/me", "application/json");
    assertEquals(200, r.statusCode());
    assertEquals("{\"name\":\"Jo\"}", r.body());
  }

  @Test
  void aProtectedPathSendsStrangersToTheSignInPage() throws Exception {
    HttpResponse<String> r = browser().get("/account/page", "text/html");
    assertEquals(302, r.statusCode());
    assertEquals(app.origin() + "/auth/signin?callbackUrl=%2Faccount%2Fpage", r.headers().firstValue("Location").orElseThrow());
  }

  @Test
  void aProtectedPathLetsSignedInRequestsThrough() throws Exception {
    Browser browser = browser();
    browser.signIn("pw");
    assertEquals("a page", browser.get("/account/page", "text/html").body());
  }

  /** Sends a GET for the path exactly as written, with this Host header; answers the whole response. */
  static String rawGet(String path, String host) throws Exception {
    URI origin = URI.create(app.origin());
    try (Socket socket = new Socket(origin.getHost(), origin.getPort())) {
      socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: " + host
          + "\r\nAccept: text/html\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }

  @Test
  void dotSegmentsCannotWalkPastAProtectedPath() throws Exception {
    // Sent as is (HTTP clients would remove the dot segments); the container maps the normalized path.
    String answer = rawGet("/open/../account/servlet/x", URI.create(app.origin()).getAuthority());
    assertTrue(answer.startsWith("HTTP/1.1 302"), answer);
  }

  @Test
  void aHostOutsideTheAllowedHostsIsRefused() throws Exception {
    String answer = rawGet("/auth/providers", "evil.example");
    assertTrue(answer.startsWith("HTTP/1.1 400") && answer.contains("UntrustedHost"), answer);
  }

  @Test
  void anAllowedHostIsServed() throws Exception {
    String answer = rawGet("/auth/providers", "app.example");
    assertTrue(answer.startsWith("HTTP/1.1 200") && answer.contains("http://app.example/auth/callback/credentials"), answer);
  }

  @Test
  void aProtectedPathCoversServletsBesideSpringMvc() throws Exception {
    assertEquals(302, browser().get("/account/servlet/x", "text/html").statusCode());
  }

  @Test
  void aPathOutsideTheProtectedOnesIsOpen() throws Exception {
    assertEquals("a page", browser().get("/open", "text/html").body());
  }
}
