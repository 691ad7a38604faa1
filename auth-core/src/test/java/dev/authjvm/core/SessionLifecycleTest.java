package dev.authjvm.core;

import static dev.authjvm.core.TestBrowser.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authjvm.core.callback.Callbacks;
import dev.authjvm.core.callback.JwtTrigger;
import dev.authjvm.core.http.AuthResponse;
import dev.authjvm.core.http.SetCookie;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Reading, sliding, updating and ending a JWT session: GET and POST /session, sign-out, chunked cookies. */
class SessionLifecycleTest {
  final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
  final Clock clock = new Clock() {
    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now.get();
    }
  };
  final Auth auth = Auth.create(AuthFixtures.builder().clock(clock).sessionMaxAge(Duration.ofHours(1))
      .callbacks(Callbacks.DEFAULTS.withJwt(p -> p.trigger() == JwtTrigger.UPDATE && p.update() instanceof Map<?, ?> m
          ? p.token().with("name", m.get("name")) : p.token()))
      .build());
  final TestBrowser browser = new TestBrowser(auth, "http://localhost:8080");

  @Test
  void noCookieAnswersNullWithNoCacheHeaders() {
    AuthResponse r = browser.get("/api/auth/session");
    assertEquals(200, r.status());
    assertEquals("null", r.bodyText());
    assertEquals("private, no-cache, no-store", r.header("Cache-Control").orElseThrow());
    assertEquals("application/json", r.header("Content-Type").orElseThrow());
  }

  @Test
  void everyReadReissuesTheTokenWithASlidingExpiry() {
    browser.signIn("demo", "demo");
    String first = browser.cookies.get("authjs.session-token");
    now.set(now.get().plus(Duration.ofMinutes(50)));
    AuthResponse r = browser.get("/api/auth/session");
    assertEquals("2026-01-01T01:50:00.000Z", json(r).get("expires"));
    SetCookie cookie = r.cookies().stream().filter(c -> c.name().equals("authjs.session-token")).findFirst().orElseThrow();
    assertEquals(Instant.parse("2026-01-01T01:50:00Z"), cookie.expires());
    assertNotEquals(first, cookie.value());
  }

  @Test
  void anExpiredTokenIsNoSessionAndItsCookieIsCleared() {
    browser.signIn("demo", "demo");
    now.set(now.get().plus(Duration.ofMinutes(61)));
    AuthResponse r = browser.get("/api/auth/session");
    assertEquals("null", r.bodyText());
    assertTrue(r.cookies().stream().anyMatch(c -> c.name().equals("authjs.session-token") && c.isDeletion()));
  }

  @Test
  void aTamperedTokenIsNoSessionAndItsCookieIsCleared() {
    browser.signIn("demo", "demo");
    String token = browser.cookies.get("authjs.session-token");
    browser.cookies.put("authjs.session-token", token.substring(0, token.length() - 4) + "AAAA");
    AuthResponse r = browser.get("/api/auth/session");
    assertEquals("null", r.bodyText());
    assertFalse(browser.cookies.containsKey("authjs.session-token"));
  }

  /** A JWE header without {@code enc}, or an empty one, made Nimbus throw out of the parser: a 500 before. */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"{\"alg\":\"dir\"}", "{}", "{\"alg\":\"dir\",\"enc\":7}", "[]"})
  void aTokenWithAMalformedHeaderIsNoSessionAndItsCookieIsCleared(String header) {
    String encoded = java.util.Base64.getUrlEncoder().withoutPadding()
        .encodeToString(header.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    browser.cookies.put("authjs.session-token", encoded + "..AAAA.AAAA.AAAA");
    AuthResponse r = browser.get("/api/auth/session");
    assertEquals(200, r.status());
    assertEquals("null", r.bodyText());
    assertFalse(browser.cookies.containsKey("authjs.session-token"));
  }

  @Test
  void chunksFromTheEighthOnAreNotJoined() {
    browser.signIn("demo", "demo");
    String token = browser.cookies.remove("authjs.session-token");
    browser.cookies.put("authjs.session-token.0", token);
    browser.cookies.put("authjs.session-token.8", "garbage");
    assertEquals("Demo User", ((Map<?, ?>) json(browser.get("/api/auth/session")).get("user")).get("name"));
  }

  @Test
  void aTokenNeedingMoreThanEightCookiesIsAServerErrorNotACookieFlood() {
    Auth huge = Auth.create(AuthFixtures.builder()
        .callbacks(Callbacks.DEFAULTS.withJwt(p -> p.token().with("blob", "x".repeat(40_000)))).build());
    AuthResponse r = new TestBrowser(huge, "http://localhost:8080").signIn("demo", "demo");
    assertTrue(r.cookies().stream().noneMatch(c -> c.name().startsWith("authjs.session-token")), r.cookies().toString());
    assertEquals("http://localhost:8080/api/auth/error?error=Configuration", json(r).get("url"));
  }

  @Test
  void updateRunsTheJwtCallbackAndAnswersTheNewSession() {
    browser.signIn("demo", "demo");
    AuthResponse r = browser.postJson("/api/auth/session", Map.of("csrfToken", browser.csrfToken(),
        "data", Map.of("name", "Renamed")));
    assertEquals(200, r.status());
    assertEquals("Renamed", ((Map<?, ?>) json(r).get("user")).get("name"));
    assertEquals("Renamed", ((Map<?, ?>) json(browser.get("/api/auth/session")).get("user")).get("name"));
  }

  @Test
  void updateWithoutTheCsrfTokenIs400Null() {
    browser.signIn("demo", "demo");
    AuthResponse r = browser.postJson("/api/auth/session", Map.of("data", Map.of("name", "x")));
    assertEquals(400, r.status());
    assertEquals("null", r.bodyText());
  }

  @Test
  void signOutClearsTheSessionAndRedirectsToTheCallbackUrl() {
    browser.signIn("demo", "demo");
    AuthResponse r = browser.post("/api/auth/signout", Map.of("csrfToken", browser.csrfToken(), "callbackUrl", "/bye"),
        "X-Auth-Return-Redirect", "1");
    assertEquals("http://localhost:8080/bye", json(r).get("url"));
    assertFalse(browser.cookies.containsKey("authjs.session-token"));
    assertEquals("null", browser.get("/api/auth/session").bodyText());
  }

  @Test
  void signOutWithoutCsrfKeepsTheSession() {
    browser.signIn("demo", "demo");
    AuthResponse r = browser.post("/api/auth/signout", Map.of(), "X-Auth-Return-Redirect", "1");
    assertEquals("http://localhost:8080/api/auth/signin?error=MissingCSRF", json(r).get("url"));
    assertTrue(browser.cookies.containsKey("authjs.session-token"));
  }

  @Test
  void aLargeTokenIsChunkedAndReadBack() {
    Auth big = Auth.create(AuthFixtures.builder()
        .callbacks(Callbacks.DEFAULTS.withJwt(p -> p.token().with("blob", "x".repeat(6000)))).build());
    TestBrowser b = new TestBrowser(big, "http://localhost:8080");
    b.signIn("demo", "demo");
    assertTrue(b.cookies.containsKey("authjs.session-token.0"));
    assertTrue(b.cookies.containsKey("authjs.session-token.1"));
    assertFalse(b.cookies.containsKey("authjs.session-token"));
    assertEquals(3936, b.cookies.get("authjs.session-token.0").length());
    assertEquals("Demo User", ((Map<?, ?>) json(b.get("/api/auth/session")).get("user")).get("name"));
  }

  @Test
  void aJwtCallbackReturningNullEndsTheSession() {
    AtomicReference<Boolean> revoke = new AtomicReference<>(false);
    Auth revocable = Auth.create(AuthFixtures.builder()
        .callbacks(Callbacks.DEFAULTS.withJwt(p -> revoke.get() ? null : p.token())).build());
    TestBrowser b = new TestBrowser(revocable, "http://localhost:8080");
    b.signIn("demo", "demo");
    revoke.set(true);
    assertEquals("null", b.get("/api/auth/session").bodyText());
    assertFalse(b.cookies.containsKey("authjs.session-token"));
  }

  @Test
  void theServerSideApiReadsTheSessionWithoutSettingCookies() {
    browser.signIn("demo", "demo");
    var request = dev.authjvm.core.http.AuthRequest.of("GET", "http://localhost:8080/account",
        dev.authjvm.core.http.HttpHeaders.builder().add("Cookie", "authjs.session-token="
            + browser.cookies.get("authjs.session-token")).build(), null);
    assertEquals("demo@example.com", auth.session(request).orElseThrow().user().email());
  }
}
