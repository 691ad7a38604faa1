package dev.authjvm.core;

import static dev.authjvm.core.TestBrowser.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authjvm.core.http.AuthResponse;
import dev.authjvm.core.http.SetCookie;
import dev.authjvm.core.store.InMemoryAuthStore;
import dev.authjvm.core.user.User;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The core's half of redirect-flow sign-ins: start, callback, check cookies, and account linking with a store. */
class FlowSignInTest {
  static final String ORIGIN = "http://localhost";

  static AuthResponse start(TestBrowser b, String provider) {
    return b.post("/api/auth/signin/" + provider, Map.of("csrfToken", b.csrfToken(), "callbackUrl", "/home"),
        "X-Auth-Return-Redirect", "1");
  }

  @Nested
  class WithoutAStore {
    TestBrowser browser = new TestBrowser(Auth.create(AuthFixtures.builder()
        .provider(new ScriptedFlowProvider("idp", false)).provider(new ScriptedFlowProvider("other", false)).build()), ORIGIN);

    @Test
    void startRedirectsToTheProviderWithAnEncryptedStateCookie() {
      AuthResponse r = start(browser, "idp");
      assertTrue(((String) json(r).get("url")).startsWith("https://idp.example/authorize?state=s3cret"));
      SetCookie state = r.cookies().stream().filter(c -> c.name().equals("authjs.state")).findFirst().orElseThrow();
      assertEquals(900L, state.maxAge());
      assertTrue(state.httpOnly());
      assertFalse(state.value().contains("s3cret"));
    }

    @Test
    void startWithoutCsrfIsRefused() {
      AuthResponse r = browser.post("/api/auth/signin/idp", Map.of(), "X-Auth-Return-Redirect", "1");
      assertEquals(ORIGIN + "/api/auth/signin?error=MissingCSRF", json(r).get("url"));
    }

    @Test
    void theCallbackStartsASessionAndClearsTheCheckCookie() {
      start(browser, "idp");
      AuthResponse r = browser.get("/api/auth/callback/idp?state=s3cret&sub=42&email=a@example.com");
      assertEquals(302, r.status());
      assertEquals(ORIGIN + "/home", r.header("Location").orElseThrow());
      assertFalse(browser.cookies.containsKey("authjs.state"));
      Map<?, ?> user = (Map<?, ?>) json(browser.get("/api/auth/session")).get("user");
      assertEquals("a@example.com", user.get("email"));
    }

    @Test
    void withoutAStoreTheSubjectIsNamespacedByProvider() {
      start(browser, "idp");
      browser.get("/api/auth/callback/idp?state=s3cret&sub=123");
      String idpSubject = subjectOf(browser);
      TestBrowser other = new TestBrowser(browser.auth, ORIGIN);
      start(other, "other");
      other.get("/api/auth/callback/other?state=s3cret&sub=123");
      assertEquals(dev.authjvm.core.user.AccountSubject.of("idp", "123"), idpSubject);
      assertFalse(idpSubject.equals(subjectOf(other)));
      assertFalse(idpSubject.equals("123"));
    }

    @Test
    void theNamespacedSubjectIsAStableVersion5Uuid() {
      String subject = dev.authjvm.core.user.AccountSubject.of("github", "123");
      assertEquals(subject, dev.authjvm.core.user.AccountSubject.of("github", "123"));
      assertEquals(5, java.util.UUID.fromString(subject).version());
    }

    private String subjectOf(TestBrowser b) {
      return new dev.authjvm.core.jwt.JwtCodec(java.util.List.of(AuthFixtures.SECRET), dev.authjvm.core.jwt.JweFormat.V5,
          java.time.Clock.systemUTC(), java.util.List.of())
          .decode(b.cookies.get("authjs.session-token"), "authjs.session-token").orElseThrow().sub();
    }

    @Test
    void aStateCookieOfAnotherProviderIsRefused() {
      start(browser, "other");
      AuthResponse r = browser.get("/api/auth/callback/idp?state=s3cret&sub=42");
      assertEquals(ORIGIN + "/api/auth/signin?error=OAuthCallbackError", r.header("Location").orElseThrow());
      assertFalse(browser.cookies.containsKey("authjs.session-token"));
    }

    @Test
    void aWrongStateIsRefused() {
      start(browser, "idp");
      AuthResponse r = browser.get("/api/auth/callback/idp?state=forged&sub=42");
      assertEquals(ORIGIN + "/api/auth/signin?error=OAuthCallbackError", r.header("Location").orElseThrow());
    }

    @Test
    void aFlowStartedOnOneInstanceFinishesOnAnother() {
      start(browser, "idp");
      TestBrowser second = new TestBrowser(Auth.create(AuthFixtures.builder()
          .provider(new ScriptedFlowProvider("idp", false)).build()), ORIGIN);
      second.cookies.putAll(browser.cookies);
      assertEquals(ORIGIN + "/home", second.get("/api/auth/callback/idp?state=s3cret&sub=7").header("Location").orElseThrow());
    }
  }

  @Nested
  class WithAStore {
    InMemoryAuthStore store = new InMemoryAuthStore();
    TestBrowser browser = new TestBrowser(Auth.create(AuthFixtures.builder().discoverProviders(false)
        .store(store).credentialsDatabaseSessions(true)
        .provider(new ScriptedFlowProvider("idp", false)).provider(new ScriptedFlowProvider("trusting", true))
        .build()), ORIGIN);

    private AuthResponse signIn(String provider, String sub, String email) {
      start(browser, provider);
      return browser.get("/api/auth/callback/" + provider + "?state=s3cret&sub=" + sub + "&email=" + email);
    }

    @Test
    void aNewAccountCreatesAUserAndADatabaseSession() {
      signIn("idp", "gh-1", "new@example.com");
      User created = store.getUserByAccount("idp", "gh-1").orElseThrow();
      assertEquals("new@example.com", created.email());
      String token = browser.cookies.get("authjs.session-token");
      assertTrue(token.matches("[0-9a-f-]{36}"), "a random session token, not a JWT");
      assertEquals(created.id(), store.getSessionAndUser(token).orElseThrow().user().id());
    }

    @Test
    void aReturningAccountSignsInTheSameUser() {
      signIn("idp", "gh-1", "same@example.com");
      String first = store.getUserByAccount("idp", "gh-1").orElseThrow().id();
      browser.cookies.remove("authjs.session-token");
      signIn("idp", "gh-1", "same@example.com");
      assertEquals(first, store.getSessionAndUser(browser.cookies.get("authjs.session-token")).orElseThrow().user().id());
    }

    @Test
    void anEmailOfAnotherUserIsNotLinkedSilently() {
      store.createUser(new User("u1", "Owner", "taken@example.com", null, null));
      AuthResponse r = signIn("idp", "gh-2", "taken@example.com");
      assertEquals(ORIGIN + "/api/auth/signin?error=OAuthAccountNotLinked", r.header("Location").orElseThrow());
      assertTrue(store.getAccount("idp", "gh-2").isEmpty());
    }

    @Test
    void dangerousEmailLinkingAttachesTheAccountToTheExistingUser() {
      store.createUser(new User("u1", "Owner", "taken@example.com", null, null));
      signIn("trusting", "gh-3", "taken@example.com");
      assertEquals("u1", store.getUserByAccount("trusting", "gh-3").orElseThrow().id());
    }

    @Test
    void aSignedInUserGetsTheNewAccountLinked() {
      signIn("idp", "gh-4", "me@example.com");
      String me = store.getUserByAccount("idp", "gh-4").orElseThrow().id();
      signIn("trusting", "other-9", "elsewhere@example.com");
      assertEquals(me, store.getUserByAccount("trusting", "other-9").orElseThrow().id());
    }

    @Test
    void signOutDeletesTheStoredSession() {
      signIn("idp", "gh-5", "out@example.com");
      String token = browser.cookies.get("authjs.session-token");
      browser.post("/api/auth/signout", Map.of("csrfToken", browser.csrfToken()));
      assertTrue(store.getSessionAndUser(token).isEmpty());
      assertEquals("null", browser.get("/api/auth/session").bodyText());
    }

    @Test
    void credentialsWithTheOptInMakeADatabaseSessionForAStoredUser() {
      browser.signIn("demo", "demo");
      String token = browser.cookies.get("authjs.session-token");
      assertEquals("demo@example.com", store.getSessionAndUser(token).orElseThrow().user().email());
    }
  }
}
