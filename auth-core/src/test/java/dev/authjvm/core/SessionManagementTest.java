package dev.authjvm.core;

import static dev.authjvm.core.TestBrowser.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authjvm.core.callback.AuthEvents;
import dev.authjvm.core.callback.Callbacks;
import dev.authjvm.core.callback.JwtTrigger;
import dev.authjvm.core.config.AuthConfig;
import dev.authjvm.core.config.AuthConfigBuilder;
import dev.authjvm.core.config.SessionStrategy;
import dev.authjvm.core.http.AuthResponse;
import dev.authjvm.core.provider.CredentialsProvider;
import dev.authjvm.core.session.RevocationCause;
import dev.authjvm.core.session.SessionInfo;
import dev.authjvm.core.spi.Environment;
import dev.authjvm.core.store.InMemoryAuthStore;
import dev.authjvm.core.user.User;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Sessions as a resource, with JWT sessions and a store that keeps session records: listing, revoking
 * (server API and {@code /sessions}), server-side updates, and their events.
 */
class SessionManagementTest {
  static final String ORIGIN = "http://localhost";
  final MutableClock clock = new MutableClock();
  final InMemoryAuthStore store = new InMemoryAuthStore(clock);
  final List<String> events = new ArrayList<>();
  final Auth auth = Auth.create(builder().store(store).build());

  /** Any username signs in with password "pw", as the user of that id. */
  static CredentialsProvider anyUser() {
    return CredentialsProvider.builder().field("username", "Username", "text", "")
        .field("password", "Password", "password", "")
        .authorize((creds, req) -> "pw".equals(creds.get("password"))
            ? Optional.of(new User(creds.get("username"), creds.get("username"), creds.get("username") + "@example.com",
            null, null))
            : Optional.empty())
        .build();
  }

  AuthConfigBuilder builder() {
    return AuthConfig.builder().secret(AuthFixtures.SECRET)
        .environment(Environment.of(Map.of())).discoverProviders(false).provider(anyUser()).clock(clock)
        .sessionStrategy(SessionStrategy.JWT)
        .callbacks(Callbacks.DEFAULTS.withJwt(p -> p.trigger() == JwtTrigger.UPDATE && p.update() instanceof Map<?, ?> m
            && m.get("role") != null ? p.token().with("role", m.get("role")) : p.token())
            .withSession(p -> p.token() != null && p.token().get("role") != null
                ? p.session().with("role", p.token().get("role")) : p.session()))
        .events(new AuthEvents() {
          @Override
          public void revokeSession(SessionInfo session, RevocationCause cause) {
            events.add("revoke " + session.userId() + " " + cause);
          }

          @Override
          public void updateSessions(String userId, Map<String, Object> data) {
            events.add("update " + userId + " " + data);
          }
        });
  }

  TestBrowser signedIn(String user, String userAgent) {
    TestBrowser browser = new TestBrowser(auth, ORIGIN);
    Map<String, String> form = new LinkedHashMap<>();
    form.put("csrfToken", browser.csrfToken());
    form.put("username", user);
    form.put("password", "pw");
    browser.post("/api/auth/callback/credentials", form, "X-Auth-Return-Redirect", "1", "User-Agent", userAgent);
    return browser;
  }

  static boolean signedIn(TestBrowser browser) {
    return !"null".equals(browser.get("/api/auth/session").bodyText());
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> listed(TestBrowser browser) {
    return (List<Map<String, Object>>) json(browser.get("/api/auth/sessions")).get("sessions");
  }

  String idOf(TestBrowser browser) {
    return auth.sessions().currentSessionId(browser.request("/")).orElseThrow();
  }

  AuthResponse revoke(TestBrowser browser, String field, String value) {
    return browser.post("/api/auth/sessions/revoke", Map.of("csrfToken", browser.csrfToken(), field, value),
        "X-Auth-Return-Redirect", "1");
  }

  @Test
  void aSignedInUserSeesTheirSessionsWithTheCurrentOneMarked() {
    TestBrowser laptop = signedIn("ana", "Laptop");
    signedIn("ana", "Phone");
    List<Map<String, Object>> sessions = listed(laptop);
    assertEquals(2, sessions.size());
    Map<String, Object> current = sessions.stream().filter(s -> Boolean.TRUE.equals(s.get("current"))).findFirst()
        .orElseThrow();
    assertEquals("Laptop", current.get("userAgent"));
    assertEquals("credentials", current.get("provider"));
    assertEquals("2026-01-01T00:00:00.000Z", current.get("createdAt"));
  }

  @Test
  void theListHoldsOnlyTheSignedInUsersSessions() {
    TestBrowser ana = signedIn("ana", "Laptop");
    signedIn("bo", "Laptop");
    assertEquals(1, listed(ana).size());
  }

  @Test
  void listingWhileSignedOutIs401() {
    assertEquals(401, new TestBrowser(auth, ORIGIN).get("/api/auth/sessions").status());
  }

  @Test
  void aRevokedJwtSessionEndsAtItsNextReadAndItsCookieIsCleared() {
    TestBrowser laptop = signedIn("ana", "Laptop");
    TestBrowser phone = signedIn("ana", "Phone");
    assertTrue(auth.sessions().revoke("ana", idOf(phone)));
    AuthResponse r = phone.get("/api/auth/session");
    assertEquals("null", r.bodyText());
    assertTrue(r.cookies().stream().anyMatch(c -> c.name().equals("authjs.session-token") && c.isDeletion()));
    assertTrue(signedIn(laptop));
  }

  @Test
  void theServerSideSessionOfARevokedSessionIsEmptyToo() {
    TestBrowser phone = signedIn("ana", "Phone");
    auth.sessions().revoke("ana", idOf(phone));
    assertEquals(Optional.empty(), auth.session(phone.request("/")));
  }

  @Test
  void aSessionIdOfAnotherUserRevokesNothing() {
    TestBrowser bo = signedIn("bo", "Laptop");
    assertFalse(auth.sessions().revoke("ana", idOf(bo)));
    assertTrue(signedIn(bo));
  }

  @Test
  void revokeAllSignsTheUserOutEverywhere() {
    TestBrowser laptop = signedIn("ana", "Laptop");
    TestBrowser phone = signedIn("ana", "Phone");
    TestBrowser bo = signedIn("bo", "Laptop");
    assertEquals(2, auth.sessions().revokeAll("ana"));
    assertFalse(signedIn(laptop));
    assertFalse(signedIn(phone));
    assertTrue(signedIn(bo));
  }

  @Test
  void revokeOthersKeepsTheNamedSession() {
    TestBrowser laptop = signedIn("ana", "Laptop");
    TestBrowser phone = signedIn("ana", "Phone");
    assertEquals(1, auth.sessions().revokeOthers("ana", idOf(laptop)));
    assertTrue(signedIn(laptop));
    assertFalse(signedIn(phone));
  }

  @Test
  void aCopyOfTheCookieIsDeadOnceItsSessionSignsOut() {
    TestBrowser laptop = signedIn("ana", "Laptop");
    TestBrowser thief = new TestBrowser(auth, ORIGIN);
    thief.cookies.putAll(laptop.cookies);
    laptop.post("/api/auth/signout", Map.of("csrfToken", laptop.csrfToken()), "X-Auth-Return-Redirect", "1");
    assertFalse(signedIn(thief));
  }

  @Test
  void theUserRevokesAnotherOfTheirSessionsThroughRest() {
    TestBrowser laptop = signedIn("ana", "Laptop");
    TestBrowser phone = signedIn("ana", "Phone");
    AuthResponse r = revoke(laptop, "sessionId", idOf(phone));
    assertEquals(200, r.status());
    assertEquals(1, json(r).get("revoked"));
    assertFalse(signedIn(phone));
    assertTrue(signedIn(laptop));
  }

  @Test
  void revokingSomeoneElsesSessionThroughRestIs404AndRevokesNothing() {
    TestBrowser ana = signedIn("ana", "Laptop");
    TestBrowser bo = signedIn("bo", "Laptop");
    AuthResponse r = revoke(ana, "sessionId", idOf(bo));
    assertEquals(404, r.status());
    assertEquals("SessionNotFound", json(r).get("error"));
    assertTrue(signedIn(bo));
  }

  @Test
  void revokingAnUnknownIdThroughRestIs404() {
    assertEquals(404, revoke(signedIn("ana", "Laptop"), "sessionId", "no-such-session").status());
  }

  @Test
  void revokingWithoutTheCsrfTokenRevokesNothing() {
    TestBrowser laptop = signedIn("ana", "Laptop");
    TestBrowser phone = signedIn("ana", "Phone");
    laptop.post("/api/auth/sessions/revoke", Map.of("sessionId", idOf(phone)), "X-Auth-Return-Redirect", "1");
    assertTrue(signedIn(phone));
  }

  @Test
  void revokingAllThroughRestClearsTheCurrentCookieToo() {
    TestBrowser laptop = signedIn("ana", "Laptop");
    TestBrowser phone = signedIn("ana", "Phone");
    AuthResponse r = revoke(laptop, "all", "true");
    assertEquals(2, json(r).get("revoked"));
    assertTrue(r.cookies().stream().anyMatch(c -> c.name().equals("authjs.session-token") && c.isDeletion()));
    assertFalse(signedIn(phone));
    assertFalse(signedIn(laptop));
  }

  @Test
  void revokingOthersThroughRestKeepsTheCurrentSession() {
    TestBrowser laptop = signedIn("ana", "Laptop");
    TestBrowser phone = signedIn("ana", "Phone");
    assertEquals(1, json(revoke(laptop, "others", "true")).get("revoked"));
    assertTrue(signedIn(laptop));
    assertFalse(signedIn(phone));
  }

  @Test
  void aRevokeNamingNothingIs400() {
    assertEquals(400, revoke(signedIn("ana", "Laptop"), "nothing", "x").status());
  }

  @Test
  void aFormRevokeRedirectsToTheCallbackUrl() {
    TestBrowser laptop = signedIn("ana", "Laptop");
    AuthResponse r = laptop.post("/api/auth/sessions/revoke", Map.of("csrfToken", laptop.csrfToken(),
        "others", "true", "callbackUrl", ORIGIN + "/account"));
    assertEquals(302, r.status());
    assertEquals(ORIGIN + "/account", r.header("Location").orElseThrow());
  }

  @Test
  void aServerUpdateShowsAtTheNextReadOfEverySession() {
    TestBrowser laptop = signedIn("ana", "Laptop");
    TestBrowser phone = signedIn("ana", "Phone");
    assertEquals(2, auth.sessions().update("ana", Map.of("name", "Ana B", "role", "admin")));
    for (TestBrowser browser : List.of(laptop, phone)) {
      Map<String, Object> session = json(browser.get("/api/auth/session"));
      assertEquals("Ana B", ((Map<?, ?>) session.get("user")).get("name"));
      assertEquals("admin", session.get("role"));
    }
  }

  @Test
  void aServerUpdateIsAppliedOnceSoALaterClientUpdateSticks() {
    TestBrowser laptop = signedIn("ana", "Laptop");
    auth.sessions().update("ana", Map.of("role", "admin"));
    laptop.get("/api/auth/session");
    laptop.postJson("/api/auth/session", Map.of("csrfToken", laptop.csrfToken(), "data", Map.of("role", "viewer")));
    assertEquals("viewer", json(laptop.get("/api/auth/session")).get("role"));
  }

  @Test
  void revocationsAndUpdatesFireEventsWithTheirCause() {
    TestBrowser laptop = signedIn("ana", "Laptop");
    TestBrowser phone = signedIn("ana", "Phone");
    auth.sessions().update("ana", Map.of("role", "admin"));
    revoke(laptop, "sessionId", idOf(phone));
    auth.sessions().revokeAll("ana");
    assertEquals(List.of("update ana {role=admin}", "revoke ana USER", "revoke ana APPLICATION"), events);
  }

  @Test
  void aTokenMadeBeforeTrackingIsRecordedAtItsNextRead() {
    Auth untracked = Auth.create(builder().build());
    TestBrowser browser = new TestBrowser(untracked, ORIGIN);
    Map<String, String> form = Map.of("csrfToken", browser.csrfToken(), "username", "ana", "password", "pw");
    browser.post("/api/auth/callback/credentials", form, "X-Auth-Return-Redirect", "1");
    TestBrowser sameCookies = new TestBrowser(auth, ORIGIN);
    sameCookies.cookies.putAll(browser.cookies);
    assertTrue(signedIn(sameCookies));
    assertEquals(1, auth.sessions().list("ana").size());
  }

  @Test
  void withoutAStoreSessionsCannotBeManagedAndSaySo() {
    Auth noStore = Auth.create(builder().build());
    assertFalse(noStore.sessions().available());
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> noStore.sessions().revokeAll("ana"));
    assertTrue(e.getMessage().contains("cannot be listed or revoked"), e.getMessage());
    AuthResponse r = new TestBrowser(noStore, ORIGIN).get("/api/auth/sessions");
    assertEquals(404, r.status());
    assertEquals("SessionsUnavailable", json(r).get("error"));
  }

  @Test
  void trackingCanBeTurnedOffWithTheSetting() {
    Auth off = Auth.create(builder().store(store).environment(Environment.of(Map.of("AUTH_SESSION_TRACKING", "false")))
        .build());
    assertFalse(off.sessions().available());
  }

  @Test
  void theSessionIdIsNotTheCookie() {
    TestBrowser laptop = signedIn("ana", "Laptop");
    assertNotEquals(laptop.cookies.get("authjs.session-token"), idOf(laptop));
  }
}
