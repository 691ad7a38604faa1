package dev.authjvm.core;

import static dev.authjvm.core.TestBrowser.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authjvm.core.config.AuthConfig;
import dev.authjvm.core.config.AuthConfigBuilder;
import dev.authjvm.core.config.SessionStrategy;
import dev.authjvm.core.error.ConfigurationException;
import dev.authjvm.core.http.AuthResponse;
import dev.authjvm.core.http.SetCookie;
import dev.authjvm.core.spi.Environment;
import dev.authjvm.core.store.InMemoryAuthStore;
import dev.authjvm.core.store.StoredSession;
import dev.authjvm.core.user.User;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Per-session lifetimes: remember-me, the lifetime callback, and the absolute lifetime, for both strategies. */
class SessionLifetimeTest {
  static final String ORIGIN = "http://localhost";
  static final String COOKIE = "authjs.session-token";
  final MutableClock clock = new MutableClock();

  AuthConfigBuilder builder() {
    return AuthFixtures.builder().clock(clock).sessionMaxAge(Duration.ofDays(30))
        .sessionShortMaxAge(Duration.ofHours(8));
  }

  static AuthResponse signIn(TestBrowser browser, String rememberMe) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("csrfToken", browser.csrfToken());
    form.put("username", "demo");
    form.put("password", "demo");
    if (rememberMe != null) {
      form.put("rememberMe", rememberMe);
    }
    return browser.post("/api/auth/callback/credentials", form, "X-Auth-Return-Redirect", "1");
  }

  static SetCookie sessionCookie(AuthResponse r) {
    return r.cookies().stream().filter(c -> c.name().equals(COOKIE)).findFirst().orElseThrow();
  }

  boolean signedInAfter(TestBrowser browser, Duration idle) {
    clock.advance(idle);
    return !"null".equals(browser.get("/api/auth/session").bodyText());
  }

  @Nested
  class JwtSessions {
    final Auth auth = Auth.create(builder().build());

    @Test
    void notRememberedIsABrowserCookieWithTheShortLifetime() {
      TestBrowser browser = new TestBrowser(auth, ORIGIN);
      SetCookie cookie = sessionCookie(signIn(browser, "false"));
      assertNull(cookie.expires());
      assertNull(cookie.maxAge());
      assertEquals("2026-01-01T08:00:00.000Z", json(browser.get("/api/auth/session")).get("expires"));
    }

    @Test
    void aShortSessionEndsAfterItsShortLifetimeWithoutActivity() {
      TestBrowser browser = new TestBrowser(auth, ORIGIN);
      signIn(browser, "false");
      assertFalse(signedInAfter(browser, Duration.ofHours(8).plusMinutes(1)));
    }

    @Test
    void aShortSessionSlidesWhileUsedAndStaysABrowserCookie() {
      TestBrowser browser = new TestBrowser(auth, ORIGIN);
      signIn(browser, "false");
      for (int i = 0; i < 5; i++) {
        assertTrue(signedInAfter(browser, Duration.ofHours(7)));
      }
      clock.advance(Duration.ofHours(1));
      assertNull(sessionCookie(browser.get("/api/auth/session")).expires());
    }

    @Test
    void rememberedIsAPersistentCookieWithTheLongLifetime() {
      TestBrowser browser = new TestBrowser(auth, ORIGIN);
      SetCookie cookie = sessionCookie(signIn(browser, "true"));
      assertEquals(Instant.parse("2026-01-31T00:00:00Z"), cookie.expires());
    }

    @Test
    void withoutTheFieldTheConfiguredLifetimeApplies() {
      TestBrowser browser = new TestBrowser(auth, ORIGIN);
      assertEquals(Instant.parse("2026-01-31T00:00:00Z"), sessionCookie(signIn(browser, null)).expires());
    }

    @Test
    void theLifetimeCallbackChoosesPerUser() {
      Auth custom = Auth.create(builder().sessionLifetime((user, account, remember) ->
          "1".equals(user.id()) ? Duration.ofMinutes(15) : null).build());
      TestBrowser browser = new TestBrowser(custom, ORIGIN);
      signIn(browser, null);
      assertTrue(signedInAfter(browser, Duration.ofMinutes(14)));
      assertFalse(signedInAfter(browser, Duration.ofMinutes(16)));
    }

    @Test
    void theAbsoluteLifetimeEndsASessionInUse() {
      Auth capped = Auth.create(builder().sessionAbsoluteMaxAge(Duration.ofHours(12)).build());
      TestBrowser browser = new TestBrowser(capped, ORIGIN);
      signIn(browser, null);
      for (int i = 0; i < 11; i++) {
        assertTrue(signedInAfter(browser, Duration.ofHours(1)));
      }
      assertFalse(signedInAfter(browser, Duration.ofHours(1)));
    }

    @Test
    void theAbsoluteLifetimeCapsTheCookieAndTheAnsweredExpiry() {
      Auth capped = Auth.create(builder().sessionAbsoluteMaxAge(Duration.ofHours(12)).build());
      TestBrowser browser = new TestBrowser(capped, ORIGIN);
      assertEquals(Instant.parse("2026-01-01T12:00:00Z"), sessionCookie(signIn(browser, null)).expires());
      clock.advance(Duration.ofHours(3));
      assertEquals("2026-01-01T12:00:00.000Z", json(browser.get("/api/auth/session")).get("expires"));
    }

    @Test
    void theAbsoluteLifetimeIsReadFromTheEnvironment() {
      AuthConfig config = AuthFixtures.builder()
          .environment(Environment.of(Map.of("AUTH_SESSION_ABSOLUTE_MAX_AGE", "3600"))).build();
      assertEquals(Duration.ofHours(1), config.sessionAbsoluteMaxAge().orElseThrow());
    }
  }

  @Nested
  class DatabaseSessions {
    final InMemoryAuthStore store = new InMemoryAuthStore(clock);

    Auth auth(AuthConfigBuilder b) {
      return Auth.create(b.store(store).credentialsDatabaseSessions(true).sessionUpdateAge(Duration.ofDays(1)).build());
    }

    @Test
    void notRememberedIsABrowserCookieAndTheStoredSessionHasTheShortLifetime() {
      TestBrowser browser = new TestBrowser(auth(builder()), ORIGIN);
      SetCookie cookie = sessionCookie(signIn(browser, "false"));
      assertNull(cookie.expires());
      assertEquals(Instant.parse("2026-01-01T08:00:00Z"),
          store.getSessionAndUser(cookie.value()).orElseThrow().session().expires());
    }

    @Test
    void aShortSessionIsExtendedWhileUsedThoughUpdateAgeIsLongerThanItsLifetime() {
      TestBrowser browser = new TestBrowser(auth(builder()), ORIGIN);
      signIn(browser, "false");
      for (int i = 0; i < 6; i++) {
        assertTrue(signedInAfter(browser, Duration.ofHours(5)));
      }
    }

    @Test
    void theAbsoluteLifetimeEndsAStoredSessionInUse() {
      TestBrowser browser = new TestBrowser(auth(builder().sessionAbsoluteMaxAge(Duration.ofHours(12))), ORIGIN);
      String token = sessionCookie(signIn(browser, null)).value();
      for (int i = 0; i < 11; i++) {
        assertTrue(signedInAfter(browser, Duration.ofHours(1)));
      }
      assertFalse(signedInAfter(browser, Duration.ofHours(1)));
      assertTrue(store.getSessionAndUser(token).isEmpty());
    }

    @Test
    void anAbsoluteLifetimeWithoutSessionRecordsIsRefusedNamingTheSetting() {
      ConfigurationException e = assertThrows(ConfigurationException.class, () -> builder().store(store)
          .credentialsDatabaseSessions(true).sessionTracking(false).sessionAbsoluteMaxAge(Duration.ofHours(1)).build());
      assertTrue(e.getMessage().contains("AUTH_SESSION_ABSOLUTE_MAX_AGE"), e.getMessage());
    }

    @Test
    void theSessionIdIsAHashOfTheTokenNotTheToken() {
      Auth auth = auth(builder());
      TestBrowser browser = new TestBrowser(auth, ORIGIN);
      String token = sessionCookie(signIn(browser, null)).value();
      String id = auth.sessions().currentSessionId(browser.request("/")).orElseThrow();
      assertNotNull(id);
      assertFalse(id.contains(token));
    }

    @Test
    void revokingADatabaseSessionDeletesItFromTheStore() {
      Auth auth = auth(builder());
      TestBrowser browser = new TestBrowser(auth, ORIGIN);
      String token = sessionCookie(signIn(browser, null)).value();
      auth.sessions().revokeAll("1");
      assertTrue(store.getSessionAndUser(token).isEmpty());
      assertEquals("null", browser.get("/api/auth/session").bodyText());
    }

    @Test
    void aServerUpdateOfTheNameChangesTheStoredUserAndTheNextRead() {
      Auth auth = auth(builder());
      TestBrowser browser = new TestBrowser(auth, ORIGIN);
      signIn(browser, null);
      auth.sessions().update("1", Map.of("name", "Renamed"));
      assertEquals("Renamed", store.getUser("1").orElseThrow().name());
      assertEquals("Renamed", ((Map<?, ?>) json(browser.get("/api/auth/session")).get("user")).get("name"));
    }
  }

  @Test
  void theBuiltInSignInPageOffersRememberMeTickedWithFalseWhenUnticked() {
    String html = new TestBrowser(Auth.create(builder().build()), ORIGIN).get("/api/auth/signin").bodyText();
    int box = html.indexOf("type=\"checkbox\" name=\"rememberMe\" value=\"true\" checked");
    int fallback = html.indexOf("<input type=\"hidden\" name=\"rememberMe\" value=\"false\">");
    assertTrue(box > 0 && fallback > box, html);
  }

  @Test
  void aShortLifetimeLongerThanMaxAgeIsRefusedNamingTheSetting() {
    ConfigurationException e = assertThrows(ConfigurationException.class, () -> AuthFixtures.builder()
        .sessionMaxAge(Duration.ofHours(1)).sessionShortMaxAge(Duration.ofHours(2)).build());
    assertTrue(e.getMessage().contains("AUTH_SESSION_SHORT_MAX_AGE"), e.getMessage());
  }

  @Test
  void theShortLifetimeDefaultsToADay() {
    assertEquals(Duration.ofDays(1), AuthFixtures.builder().build().sessionShortMaxAge());
  }

  @Test
  void aDatabaseSessionStoredBeforeTrackingIsKeptAndRecorded() {
    InMemoryAuthStore store = new InMemoryAuthStore(clock);
    store.createUser(new User("u", "Una", "una@example.com", null, null));
    store.createSession(new StoredSession("tok", "u", clock.instant().plus(Duration.ofDays(1))));
    Auth auth = Auth.create(AuthFixtures.builder().clock(clock).store(store).credentialsDatabaseSessions(true)
        .sessionStrategy(SessionStrategy.DATABASE).build());
    TestBrowser browser = new TestBrowser(auth, ORIGIN);
    browser.cookies.put(COOKIE, "tok");
    assertEquals("Una", ((Map<?, ?>) json(browser.get("/api/auth/session")).get("user")).get("name"));
    assertEquals(1, auth.sessions().list("u").size());
  }
}
