package dev.authjvm.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authjvm.core.Auth;
import dev.authjvm.core.config.AuthConfig;
import dev.authjvm.core.spi.Environment;
import dev.authjvm.core.provider.CredentialsProvider;
import dev.authjvm.core.user.User;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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
import org.junit.jupiter.api.TestInstance;

/**
 * What is specific to the filter, on one container: mounting, reading the body, the guard and the
 * session helper. The protocol itself is the conformance kit's business.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AuthFilterChecks {
  private final ServletContainer.Kind container;
  private ServletContainer server;
  private String base;
  private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

  AuthFilterChecks(ServletContainer.Kind container) {
    this.container = container;
  }

  @BeforeAll
  void startServer() throws Exception {
    Auth auth = Auth.create(AuthConfig.builder().secret("servlet-test-secret-0123456789abcdef")
        .environment(Environment.of(Map.of())).discoverProviders(false)
        .provider(CredentialsProvider.builder().authorize((f, r) -> "pw".equals(f.get("password"))
            ? Optional.of(User.of("7", "Jo", "jo@example.com")) : Optional.empty()).build())
        .build());
    server = container.start(context -> {
      AuthFilter.register(context, auth);
      context.addFilter("guard", AuthFilter.requireSession(auth)).addMappingForUrlPatterns(null, true, "/private/*");
      HttpServlet hello = new HttpServlet() {
        @Override
        protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
          resp.getWriter().write("hello " + AuthFilter.session(auth, req).map(s -> s.user().name()).orElse("stranger"));
        }
      };
      context.addServlet("hello", hello).addMapping("/private/*", "/public");
    });
    base = server.origin().toString();
  }

  @AfterAll
  void stopServer() throws Exception {
    server.stop();
  }

  private HttpResponse<String> send(HttpRequest.Builder r) throws Exception {
    return client.send(r.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path, String accept) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", accept));
  }

  private void signIn() throws Exception {
    String csrf = get("/api/auth/csrf", "*/*").body().replaceAll(".*\"csrfToken\":\"(\\w+)\".*", "$1");
    HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/api/auth/callback/credentials"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-Auth-Return-Redirect", "1")
        .POST(HttpRequest.BodyPublishers.ofString("csrfToken=" + csrf + "&password=pw")));
    assertEquals("{\"url\":\"" + base + "\"}", r.body());
  }

  /** Writes requests as bytes, closes the sending side, and reads the status line of every answer. */
  private java.util.List<String> statusLinesOf(String request) throws IOException {
    URI origin = server.origin();
    try (Socket socket = new Socket(origin.getHost(), origin.getPort())) {
      socket.setSoTimeout(20_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      socket.shutdownOutput();
      InputStream in = socket.getInputStream();
      String answer = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
      return answer.lines().filter(l -> l.startsWith("HTTP/1.1 ")).toList();
    }
  }

  @Test
  void theApiIsServedUnderTheBasePath() throws Exception {
    HttpResponse<String> r = get("/api/auth/providers", "*/*");
    assertEquals(200, r.statusCode());
    assertTrue(r.body().contains("\"callbackUrl\":\"" + base + "/api/auth/callback/credentials\""), r.body());
  }

  @Test
  void aPathThatOnlyBeginsLikeTheBasePathGoesOnToTheApplication() throws Exception {
    assertEquals(404, get("/api/authority", "*/*").statusCode());
  }

  @Test
  void aStreamedBodyOver64KiBIs413() throws Exception {
    // No Content-Length: the limit is found while reading.
    byte[] big = ("a=" + "x".repeat(70_000)).getBytes(StandardCharsets.US_ASCII);
    HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/api/auth/signout"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))));
    assertEquals(413, r.statusCode());
  }

  @Test
  void aClientThatBreaksOffMidBodyGets400() throws Exception {
    java.util.List<String> status = statusLinesOf("POST /api/auth/signout HTTP/1.1\r\nHost: " + server.origin().getAuthority()
        + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\ncsrfToken=abc");
    assertEquals(1, status.size(), status.toString());
    assertTrue(status.get(0).startsWith("HTTP/1.1 400"), status.toString());
  }

  @Test
  void bothContentLengthAndTransferEncodingCannotSmuggleASecondRequest() throws Exception {
    // Read by Content-Length, the body ends after "0\r\n\r"; read chunked, a second request follows.
    // Jetty refuses the first with 400; Tomcat lets Transfer-Encoding win, as RFC 9112 (6.3) allows, and
    // closes the connection after answering. Either way: no 5xx, and the second request is never served.
    String smuggled = "GET /api/auth/providers HTTP/1.1\r\nHost: x\r\n\r\n";
    java.util.List<String> status = statusLinesOf("POST /api/auth/signout HTTP/1.1\r\nHost: " + server.origin().getAuthority()
        + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 4\r\nTransfer-Encoding: chunked"
        + "\r\n\r\n0\r\n\r\n" + smuggled);
    assertEquals(1, status.size(), status.toString());
    assertTrue(status.get(0).matches("HTTP/1\\.1 [34]\\d\\d.*"), status.toString());
  }

  @Test
  void theGuardSendsPagesToTheSignInPage() throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/private/x?y=1"))
        .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(302, r.statusCode());
    assertEquals(base + "/api/auth/signin?callbackUrl=%2Fprivate%2Fx%3Fy%3D1", r.headers().firstValue("Location").orElseThrow());
  }

  @Test
  void theGuardAnswersApiCallsWith401() throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/private/x"))
        .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(401, r.statusCode());
    assertTrue(r.body().contains("SessionRequired"), r.body());
  }

  @Test
  void aSignedInRequestPassesTheGuardAndSeesItsSession() throws Exception {
    signIn();
    HttpResponse<String> r = get("/private/x", "text/html");
    assertEquals(200, r.statusCode());
    assertEquals("hello Jo", r.body());
  }

  @Test
  void anUnguardedPageReadsTheSessionOrNone() throws Exception {
    assertEquals("hello stranger", get("/public", "text/html").body());
    signIn();
    assertEquals("hello Jo", get("/public", "text/html").body());
  }
}
