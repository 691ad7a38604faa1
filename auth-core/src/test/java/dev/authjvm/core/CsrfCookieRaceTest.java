package dev.authjvm.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authjvm.core.http.AuthResponse;
import dev.authjvm.core.http.SetCookie;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A browser's first requests leave before any cookie exists: the page's GET /session and, when the
 * user signs in at once, the client's GET /csrf. Only the answer that hands out a CSRF token may set
 * the CSRF cookie, or the later-landing answer would replace the token the sign-in submits.
 */
class CsrfCookieRaceTest {
  private final Auth auth = Auth.create(AuthFixtures.builder().build());

  @Test
  void aSessionRequestWithoutCookiesSetsNoCsrfCookie() {
    AuthResponse r = new TestBrowser(auth, "http://localhost").get("/api/auth/session");
    assertEquals(200, r.status());
    assertTrue(r.cookies().stream().noneMatch(c -> c.name().endsWith("csrf-token")), r.cookies().toString());
  }

  @Test
  void aSignInSucceedsWhenTheFirstSessionAnswerLandsAfterTheCsrfAnswer() {
    TestBrowser browser = new TestBrowser(auth, "http://localhost");
    // Sent without cookies, like the page's first GET /session, but its answer is applied later.
    AuthResponse lateSession = new TestBrowser(auth, "http://localhost").get("/api/auth/session");
    String token = browser.csrfToken();
    for (SetCookie c : lateSession.cookies()) {
      browser.cookies.put(c.name(), c.value());
    }
    Map<String, String> form = new LinkedHashMap<>();
    form.put("csrfToken", token);
    form.put("username", "demo");
    form.put("password", "demo");
    AuthResponse signIn = browser.post("/api/auth/callback/credentials", form, "X-Auth-Return-Redirect", "1");
    assertEquals("http://localhost", TestBrowser.json(signIn).get("url"));
    assertTrue(browser.cookies.containsKey("authjs.session-token"), browser.cookies.toString());
  }

  @Test
  void anUpdateWithoutACsrfCookieIsStillRefused() {
    AuthResponse r = new TestBrowser(auth, "http://localhost").postJson("/api/auth/session",
        Map.of("csrfToken", "0".repeat(64), "data", Map.of("name", "x")));
    assertEquals(400, r.status());
    assertEquals("null", r.bodyText());
  }
}
