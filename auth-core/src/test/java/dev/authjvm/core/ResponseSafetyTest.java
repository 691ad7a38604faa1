package dev.authjvm.core;

import static dev.authjvm.core.TestBrowser.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authjvm.core.config.SecurityHeaders;
import dev.authjvm.core.http.AuthRequest;
import dev.authjvm.core.http.AuthResponse;
import dev.authjvm.core.http.HttpHeaders;
import dev.authjvm.core.http.SetCookie;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the core writes into headers, and the headers that protect its pages and tokens. */
class ResponseSafetyTest {
  final Auth auth = Auth.create(AuthFixtures.builder().build());
  final TestBrowser browser = new TestBrowser(auth, "http://localhost");

  private static void assertPrintableAscii(AuthResponse r) {
    r.headers().fields().forEach(h -> assertTrue(h.getValue().chars().allMatch(c -> c >= 0x20 && c <= 0x7e),
        h.getKey() + ": " + h.getValue()));
    r.cookies().forEach(c -> assertTrue(c.toHeaderValue().chars().allMatch(ch -> ch >= 0x20 && ch <= 0x7e), c.toHeaderValue()));
  }

  @Test
  void nonAsciiInACallbackUrlIsPercentEncodedInLocation() {
    // U+010D U+010A: written as single bytes by a server, they would be CR LF and start a header of their own.
    browser.csrfToken();
    AuthResponse r = browser.post("/api/auth/callback/credentials", Map.of("csrfToken", browser.csrfToken(),
        "username", "demo", "password", "demo", "callbackUrl", "/\u010d\u010aSet-Cookie: x=y"));
    assertEquals(302, r.status());
    assertEquals("http://localhost/%C4%8D%C4%8ASet-Cookie:%20x=y", r.header("Location").orElseThrow());
    assertPrintableAscii(r);
  }

  @Test
  void controlCharactersInAHeaderValueCannotSplitIt() {
    AuthResponse r = AuthResponse.redirect("http://localhost/a\r\nSet-Cookie: x=y").withHeader("X-Test", "a\nb\u00e9");
    assertEquals("http://localhost/a%0D%0ASet-Cookie:%20x=y", r.header("Location").orElseThrow());
    assertEquals("a%0Ab%C3%A9", r.header("X-Test").orElseThrow());
  }

  @Test
  void aCallbackUrlLongerThan2048CharactersFallsBackToTheOrigin() {
    AuthResponse r = browser.get("/api/auth/session?callbackUrl=/" + "a".repeat(17_000));
    assertEquals(200, r.status());
    SetCookie callback = r.cookies().stream().filter(c -> c.name().equals("authjs.callback-url")).findFirst().orElseThrow();
    assertEquals("http://localhost", callback.value());
  }

  @Test
  void aCallbackUrlOf2048CharactersIsStillFollowed() {
    String path = "/" + "a".repeat(2047);
    AuthResponse r = browser.post("/api/auth/callback/credentials", Map.of("csrfToken", browser.csrfToken(),
        "username", "demo", "password", "demo", "callbackUrl", path), "X-Auth-Return-Redirect", "1");
    assertEquals("http://localhost" + path, json(r).get("url"));
  }

  @Test
  void thePagesMayNotBeFramedCachedSniffedOrLeakTheirUrl() {
    AuthResponse page = browser.get("/api/auth/signin");
    assertEquals("DENY", page.header("X-Frame-Options").orElseThrow());
    assertEquals("frame-ancestors 'none'", page.header("Content-Security-Policy").orElseThrow());
    assertEquals("nosniff", page.header("X-Content-Type-Options").orElseThrow());
    assertEquals("no-referrer", page.header("Referrer-Policy").orElseThrow());
    assertEquals("no-store", page.header("Cache-Control").orElseThrow());
  }

  @Test
  void answersThatCarryATokenAreNotCached() {
    assertTrue(browser.get("/api/auth/csrf").header("Cache-Control").orElseThrow().contains("no-store"));
    AuthResponse signIn = browser.signIn("demo", "demo");
    assertEquals("no-store", signIn.header("Cache-Control").orElseThrow());
    assertTrue(browser.get("/api/auth/session").header("Cache-Control").orElseThrow().contains("no-store"));
  }

  @Test
  void appsThatEmbedThePagesCanAllowTheirOwnFrames() {
    TestBrowser embedding = new TestBrowser(Auth.create(AuthFixtures.builder()
        .securityHeaders(SecurityHeaders.DEFAULT.withFrameAncestors("'self' https://app.example.com")).build()), "http://localhost");
    AuthResponse page = embedding.get("/api/auth/signin");
    assertTrue(page.header("X-Frame-Options").isEmpty());
    assertEquals("frame-ancestors 'self' https://app.example.com", page.header("Content-Security-Policy").orElseThrow());
    assertEquals("nosniff", page.header("X-Content-Type-Options").orElseThrow());
  }

  @Test
  void aBodyThatCannotBeReadIs400() {
    InputStream brokenOff = new InputStream() {
      @Override
      public int read() throws IOException {
        throw new IOException("early EOF");
      }
    };
    AuthResponse r = auth.handle(post("10"), brokenOff);
    assertEquals(400, r.status());
    assertEquals("BadRequest", json(r).get("error"));
  }

  @Test
  void aBodyDeclaredLargerThan64KiBIs413WithoutReadingIt() {
    InputStream mustNotBeRead = new InputStream() {
      @Override
      public int read() {
        throw new AssertionError("the body was read");
      }
    };
    assertEquals(413, auth.handle(post("70000"), mustNotBeRead).status());
  }

  @Test
  void aBodyFoundLargerThan64KiBIs413() {
    assertEquals(413, auth.handle(post(null), new ByteArrayInputStream(new byte[70_000])).status());
  }

  private static AuthRequest post(String contentLength) {
    HttpHeaders.Builder h = HttpHeaders.builder().add("Content-Type", "application/x-www-form-urlencoded");
    if (contentLength != null) {
      h.add("Content-Length", contentLength);
    }
    return new AuthRequest("POST", "http", "localhost", "/api/auth/signout", null, h.build(), null);
  }
}
