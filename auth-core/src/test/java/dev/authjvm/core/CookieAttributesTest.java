package dev.authjvm.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authjvm.core.http.AuthResponse;
import dev.authjvm.core.http.SetCookie;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Cookie names, prefixes and attributes over http, over https, and behind a trusted proxy. */
class CookieAttributesTest {

  private static String header(AuthResponse r, String prefix) {
    return r.cookies().stream().filter(c -> c.name().startsWith(prefix)).map(SetCookie::toHeaderValue).findFirst()
        .orElseThrow(() -> new AssertionError("no cookie " + prefix + " in " + r.cookies()));
  }

  @Test
  void checkCookiesForACrossSitePostAreSameSiteNoneAndSecureOverHttps() {
    var now = java.time.Instant.parse("2026-01-01T00:00:00Z");
    String header = new dev.authjvm.core.internal.cookie.CookieFactory(true)
        .shortLivedCrossSite("__Secure-authjs.state", "v", now, java.time.Duration.ofMinutes(15)).toHeaderValue();
    assertTrue(header.endsWith("; HttpOnly; Secure; SameSite=None"),
        header);
  }

  @Test
  void checkCookiesForACrossSitePostStayLaxOverHttpWhereBrowsersRefuseSameSiteNone() {
    var now = java.time.Instant.parse("2026-01-01T00:00:00Z");
    String header = new dev.authjvm.core.internal.cookie.CookieFactory(false)
        .shortLivedCrossSite("authjs.state", "v", now, java.time.Duration.ofMinutes(15)).toHeaderValue();
    assertTrue(header.endsWith("HttpOnly; SameSite=Lax"), header);
  }

  @Test
  void overHttpCookiesHaveNoPrefixAndNoSecure() {
    AuthResponse r = new TestBrowser(Auth.create(AuthFixtures.builder().build()), "http://localhost").get("/api/auth/csrf");
    String csrf = header(r, "authjs.csrf-token");
    assertTrue(csrf.matches("authjs\\.csrf-token=[0-9a-f]{64}%7C[0-9a-f]{64}; Path=/; HttpOnly; SameSite=Lax"), csrf);
    assertEquals("authjs.callback-url=http%3A%2F%2Flocalhost; Path=/; HttpOnly; SameSite=Lax",
        header(r, "authjs.callback-url"));
  }

  @Test
  void overHttpsCsrfIsHostPrefixedAndTheOthersSecurePrefixed() {
    TestBrowser b = new TestBrowser(Auth.create(AuthFixtures.builder().allowedHosts("app.example.com").build()),
        "https://app.example.com");
    AuthResponse r = b.get("/api/auth/csrf");
    assertTrue(header(r, "__Host-authjs.csrf-token").endsWith("; Path=/; HttpOnly; Secure; SameSite=Lax"));
    assertTrue(header(r, "__Secure-authjs.callback-url").endsWith("; Path=/; HttpOnly; Secure; SameSite=Lax"));
    b.signIn("demo", "demo");
    assertTrue(b.cookies.containsKey("__Secure-authjs.session-token"));
  }

  @Test
  void theSessionCookieExpiresWithTheSessionAndHasNoMaxAge() {
    TestBrowser b = new TestBrowser(Auth.create(AuthFixtures.builder().build()), "http://localhost");
    String session = header(b.signIn("demo", "demo"), "authjs.session-token");
    assertTrue(session.matches("authjs\\.session-token=[A-Za-z0-9_.-]+; Path=/; Expires=[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} "
        + "\\d{4} \\d{2}:\\d{2}:\\d{2} GMT; HttpOnly; SameSite=Lax"), session);
  }

  @Test
  void forwardedHeadersAreBelievedOnlyWithTrustHost() {
    String[] forwarded = {"X-Forwarded-Proto", "https", "X-Forwarded-Host", "auth.example.com"};
    AuthResponse trusted = new TestBrowser(Auth.create(AuthFixtures.builder().trustHost(true).build()), "http://10.0.0.5:8080")
        .get("/api/auth/csrf", forwarded);
    assertEquals("__Secure-authjs.callback-url=https%3A%2F%2Fauth.example.com; Path=/; HttpOnly; Secure; SameSite=Lax",
        header(trusted, "__Secure-authjs.callback-url"));
    AuthResponse untrusted = new TestBrowser(Auth.create(AuthFixtures.builder().allowedHosts("10.0.0.5").build()),
        "http://10.0.0.5:8080")
        .get("/api/auth/csrf", forwarded);
    assertEquals("authjs.callback-url=http%3A%2F%2F10.0.0.5%3A8080; Path=/; HttpOnly; SameSite=Lax",
        header(untrusted, "authjs.callback-url"));
  }

  @Test
  void authUrlWinsOverTheRequestHost() {
    AuthResponse r = new TestBrowser(Auth.create(AuthFixtures.builder().url("https://example.com/api/auth").build()),
        "http://internal:9000").get("/api/auth/providers");
    assertTrue(r.bodyText().contains("\"signinUrl\":\"https://example.com/api/auth/signin/credentials\""), r.bodyText());
  }

  @Test
  void aMalformedHostIsABadRequest() {
    AuthResponse r = Auth.create(AuthFixtures.builder().build()).handle(new dev.authjvm.core.http.AuthRequest("GET", "http",
        "evil.com/<script>", "/api/auth/csrf", null, null, null));
    assertEquals(400, r.status());
  }

  @Test
  void providersListsExactlyTheFiveFieldsAndSetsNoCookie() {
    AuthResponse r = new TestBrowser(Auth.create(AuthFixtures.builder().build()), "http://localhost").get("/api/auth/providers");
    assertEquals(Map.of("credentials", Map.of("id", "credentials", "name", "Credentials", "type", "credentials",
        "signinUrl", "http://localhost/api/auth/signin/credentials",
        "callbackUrl", "http://localhost/api/auth/callback/credentials")), TestBrowser.json(r));
    assertEquals(List.of(), r.cookies());
  }
}
