package dev.authjvm.core;

import static dev.authjvm.core.TestBrowser.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authjvm.core.error.ConfigurationException;
import dev.authjvm.core.http.AuthResponse;
import dev.authjvm.core.store.InMemoryAuthStore;
import dev.authjvm.core.store.StoredSession;
import dev.authjvm.core.user.User;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Database sessions: expiry, updateAge throttling, cookie refresh, and the users credentials sign-ins store. */
class DatabaseSessionTest {
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  final InMemoryAuthStore store = new InMemoryAuthStore();

  TestBrowser browserAt(Instant now) {
    Auth auth = Auth.create(AuthFixtures.builder().store(store).credentialsDatabaseSessions(true)
        .clock(Clock.fixed(now, ZoneOffset.UTC)).sessionMaxAge(Duration.ofDays(30)).sessionUpdateAge(Duration.ofDays(1))
        .build());
    TestBrowser b = new TestBrowser(auth, "http://localhost");
    b.cookies.put("authjs.session-token", "tok");
    return b;
  }

  void storeSession(Instant expires) {
    store.createUser(new User("u", "Una", "una@example.com", null, null));
    store.createSession(new StoredSession("tok", "u", expires));
  }

  @Test
  void aStoredSessionIsAnsweredWithItsStoredExpiry() {
    storeSession(T0.plus(Duration.ofDays(30)));
    AuthResponse r = browserAt(T0).get("/api/auth/session");
    assertEquals("2026-01-31T00:00:00.000Z", json(r).get("expires"));
    assertEquals("Una", ((java.util.Map<?, ?>) json(r).get("user")).get("name"));
  }

  @Test
  void theExpiryIsNotWrittenBackWithinUpdateAge() {
    storeSession(T0.plus(Duration.ofDays(30)));
    browserAt(T0.plus(Duration.ofHours(23))).get("/api/auth/session");
    assertEquals(T0.plus(Duration.ofDays(30)), store.getSessionAndUser("tok").orElseThrow().session().expires());
  }

  @Test
  void theExpiryIsWrittenBackAfterUpdateAge() {
    storeSession(T0.plus(Duration.ofDays(30)));
    Instant later = T0.plus(Duration.ofHours(25));
    browserAt(later).get("/api/auth/session");
    assertEquals(later.plus(Duration.ofDays(30)), store.getSessionAndUser("tok").orElseThrow().session().expires());
  }

  @Test
  void theCookieSlidesOnEveryRead() {
    storeSession(T0.plus(Duration.ofDays(30)));
    AuthResponse r = browserAt(T0.plus(Duration.ofHours(1))).get("/api/auth/session");
    assertEquals(T0.plus(Duration.ofHours(1)).plus(Duration.ofDays(30)), r.cookies().stream()
        .filter(c -> c.name().equals("authjs.session-token")).findFirst().orElseThrow().expires());
  }

  @Test
  void anExpiredSessionIsDeletedAndItsCookieCleared() {
    storeSession(T0.minusSeconds(1));
    TestBrowser b = browserAt(T0);
    assertEquals("null", b.get("/api/auth/session").bodyText());
    assertTrue(store.getSessionAndUser("tok").isEmpty());
    assertTrue(b.cookies.isEmpty() || !b.cookies.containsKey("authjs.session-token"));
  }

  @Test
  void anUnknownTokenIsNoSession() {
    assertEquals("null", browserAt(T0).get("/api/auth/session").bodyText());
  }

  @Test
  void aCredentialsUserIsNeverMatchedToAStoredUserByEmailAlone() {
    // Someone who proved the address by email owns it in the store; credentials that merely claim it do not.
    store.createUser(new User("owner", "Owner", "demo@example.com", null, T0));
    TestBrowser b = browserAt(T0);
    b.cookies.clear();
    AuthResponse r = b.signIn("demo", "demo");
    assertEquals("http://localhost/api/auth/signin?error=OAuthAccountNotLinked", TestBrowser.json(r).get("url"));
    assertTrue(b.cookies.keySet().stream().noneMatch(c -> c.startsWith("authjs.session-token")));
  }

  @Test
  void aCredentialsUserIsStoredWithItsIdAndACredentialsAccount() {
    TestBrowser b = browserAt(T0);
    b.cookies.clear();
    b.signIn("demo", "demo");
    assertEquals("Demo User", store.getUser("1").orElseThrow().name());
    assertEquals("1", store.getUserByAccount("credentials", "1").orElseThrow().id());
    assertEquals("Demo User", ((java.util.Map<?, ?>) TestBrowser.json(b.get("/api/auth/session")).get("user")).get("name"));
  }

  @Test
  void theInMemoryStoreDropsWhatHasExpiredAsNewSessionsArrive() {
    java.util.concurrent.atomic.AtomicReference<Instant> now = new java.util.concurrent.atomic.AtomicReference<>(T0);
    InMemoryAuthStore memory = new InMemoryAuthStore(new Clock() {
      @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
      @Override public Clock withZone(java.time.ZoneId zone) { return this; }
      @Override public Instant instant() { return now.get(); }
    });
    memory.createUser(new User("u", null, null, null, null));
    for (int i = 0; i < 100; i++) {
      memory.createSession(new StoredSession("old-" + i, "u", T0.plusSeconds(10)));
    }
    memory.createVerificationToken(new dev.authjvm.core.store.VerificationToken("a@example.com", "h", T0.plusSeconds(10)));
    now.set(T0.plus(Duration.ofMinutes(2)));
    memory.createSession(new StoredSession("new", "u", T0.plus(Duration.ofDays(1))));
    assertEquals(1, memory.storedTokens());
  }

  @Test
  void credentialsWithDatabaseSessionsNeedTheOptIn() {
    ConfigurationException e = assertThrows(ConfigurationException.class,
        () -> AuthFixtures.builder().store(store).build());
    assertTrue(e.getMessage().contains("credentialsDatabaseSessions(true)"), e.getMessage());
  }
}
