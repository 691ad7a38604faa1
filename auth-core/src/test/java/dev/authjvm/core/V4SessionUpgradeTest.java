package dev.authjvm.core;

import static dev.authjvm.core.TestBrowser.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authjvm.core.config.AuthConfig;
import dev.authjvm.core.config.ProtocolVersion;
import dev.authjvm.core.error.ConfigurationException;
import dev.authjvm.core.http.AuthRequest;
import dev.authjvm.core.http.AuthResponse;
import dev.authjvm.core.http.HttpHeaders;
import dev.authjvm.core.http.SetCookie;
import dev.authjvm.core.spi.Environment;
import dev.authjvm.core.store.InMemoryAuthStore;
import dev.authjvm.core.store.StoredSession;
import dev.authjvm.core.user.User;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code upgradeV4Sessions}: a v5 server keeps the users of a NextAuth v4 app signed in, taking their
 * {@code next-auth.session-token} and answering it with an {@code authjs.session-token}.
 */
class V4SessionUpgradeTest {
  static final String V4 = "next-auth.session-token";
  static final String V5 = "authjs.session-token";

  /** A session cookie as a NextAuth v4 server with the same secret sets it. */
  static String v4SessionCookie(String secret) {
    Auth v4 = Auth.create(AuthFixtures.builder().secret(secret).protocol(ProtocolVersion.V4).build());
    TestBrowser b = new TestBrowser(v4, "http://localhost");
    b.signIn("demo", "demo");
    return b.cookies.get(V4);
  }

  static TestBrowser upgradingServer() {
    return new TestBrowser(Auth.create(AuthFixtures.builder().upgradeV4Sessions(true).build()), "http://localhost");
  }

  static boolean clears(AuthResponse r, String name) {
    return r.cookies().stream().anyMatch(c -> c.name().equals(name) && c.isDeletion());
  }

  @Test
  void aV4SessionCookieIsASession() {
    TestBrowser browser = upgradingServer();
    browser.cookies.put(V4, v4SessionCookie(AuthFixtures.SECRET));
    AuthResponse r = browser.get("/api/auth/session");
    assertEquals("demo@example.com", ((Map<?, ?>) json(r).get("user")).get("email"));
  }

  @Test
  void aV4SessionIsAnsweredWithAV5CookieAndTheV4OneCleared() {
    TestBrowser browser = upgradingServer();
    browser.cookies.put(V4, v4SessionCookie(AuthFixtures.SECRET));
    AuthResponse r = browser.get("/api/auth/session");
    assertTrue(r.cookies().stream().anyMatch(c -> c.name().equals(V5) && !c.isDeletion()));
    assertTrue(clears(r, V4));
    assertFalse(browser.cookies.containsKey(V4));
    assertEquals("Demo User", ((Map<?, ?>) json(browser.get("/api/auth/session")).get("user")).get("name"));
  }

  @Test
  void withoutTheSettingAV4CookieIsNoSessionAndLeftAlone() {
    TestBrowser browser = new TestBrowser(Auth.create(AuthFixtures.builder().build()), "http://localhost");
    browser.cookies.put(V4, v4SessionCookie(AuthFixtures.SECRET));
    AuthResponse r = browser.get("/api/auth/session");
    assertEquals("null", r.bodyText());
    assertFalse(clears(r, V4));
  }

  @Test
  void aV4CookieOfAnotherSecretIsNoSessionAndIsCleared() {
    TestBrowser browser = upgradingServer();
    browser.cookies.put(V4, v4SessionCookie("another-secret-that-is-long-enough-for-auth"));
    AuthResponse r = browser.get("/api/auth/session");
    assertEquals("null", r.bodyText());
    assertTrue(clears(r, V4));
  }

  /** A v5 token encrypted the v4 way (or the reverse) must not pass as the other: the derivations differ. */
  @Test
  void aV5TokenInTheV4CookieIsNoSession() {
    TestBrowser browser = upgradingServer();
    browser.signIn("demo", "demo");
    String v5Token = browser.cookies.remove(V5);
    browser.cookies.put(V4, v5Token);
    assertEquals("null", browser.get("/api/auth/session").bodyText());
  }

  @Test
  void theV5SessionWinsWhenBothCookiesArePresent() {
    TestBrowser browser = upgradingServer();
    browser.signIn("demo", "demo");
    browser.cookies.put(V4, "stale");
    AuthResponse r = browser.get("/api/auth/session");
    assertEquals("Demo User", ((Map<?, ?>) json(r).get("user")).get("name"));
    assertTrue(clears(r, V4));
  }

  @Test
  void signOutClearsTheV4CookieToo() {
    TestBrowser browser = upgradingServer();
    browser.cookies.put(V4, v4SessionCookie(AuthFixtures.SECRET));
    AuthResponse r = browser.post("/api/auth/signout", Map.of("csrfToken", browser.csrfToken()),
        "X-Auth-Return-Redirect", "1");
    assertTrue(clears(r, V4));
    assertEquals("null", browser.get("/api/auth/session").bodyText());
  }

  @Test
  void aNewSignInClearsALeftoverV4Cookie() {
    TestBrowser browser = upgradingServer();
    browser.cookies.put(V4, v4SessionCookie(AuthFixtures.SECRET));
    AuthResponse r = browser.signIn("demo", "demo");
    assertTrue(clears(r, V4));
  }

  @Test
  void theServerSideSessionReadsAV4Cookie() {
    TestBrowser browser = upgradingServer();
    browser.cookies.put(V4, v4SessionCookie(AuthFixtures.SECRET));
    String cookie = V4 + "=" + browser.cookies.get(V4);
    AuthRequest page = AuthRequest.of("GET", "http://localhost/", HttpHeaders.builder().add("Cookie", cookie).build(),
        null);
    assertEquals("Demo User", browser.auth.session(page).orElseThrow().user().name());
  }

  @Test
  void aV4DatabaseSessionCookieMovesToTheV5Name() {
    InMemoryAuthStore store = new InMemoryAuthStore();
    store.createUser(new User("u", "Una", "una@example.com", null, null));
    store.createSession(new StoredSession("tok", "u", Instant.now().plus(Duration.ofDays(1))));
    TestBrowser browser = new TestBrowser(Auth.create(AuthFixtures.builder().store(store)
        .credentialsDatabaseSessions(true).upgradeV4Sessions(true).build()), "http://localhost");
    browser.cookies.put(V4, "tok");
    AuthResponse r = browser.get("/api/auth/session");
    assertEquals("Una", ((Map<?, ?>) json(r).get("user")).get("name"));
    assertEquals("tok", browser.cookies.get(V5));
    assertFalse(browser.cookies.containsKey(V4));
    SetCookie v5 = r.cookies().stream().filter(c -> c.name().equals(V5)).findFirst().orElseThrow();
    assertTrue(v5.httpOnly());
  }

  @Test
  void theSettingIsReadFromTheEnvironment() {
    TestBrowser browser = new TestBrowser(Auth.create(AuthFixtures.builder()
        .environment(Environment.of(Map.of("AUTH_UPGRADE_V4_SESSIONS", "true"))).build()), "http://localhost");
    browser.cookies.put(V4, v4SessionCookie(AuthFixtures.SECRET));
    assertEquals("Demo User", ((Map<?, ?>) json(browser.get("/api/auth/session")).get("user")).get("name"));
  }

  @Test
  void aV4ServerRefusesTheSettingNamingIt() {
    ConfigurationException e = assertThrows(ConfigurationException.class,
        () -> AuthConfig.builder().secret(AuthFixtures.SECRET).environment(Environment.of(Map.of()))
            .protocol(ProtocolVersion.V4).upgradeV4Sessions(true).build());
    assertTrue(e.getMessage().contains("AUTH_UPGRADE_V4_SESSIONS"), e.getMessage());
  }
}
