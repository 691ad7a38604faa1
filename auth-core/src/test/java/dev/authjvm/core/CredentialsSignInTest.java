package dev.authjvm.core;

import static dev.authjvm.core.TestBrowser.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authjvm.core.callback.Callbacks;
import dev.authjvm.core.callback.SignInDecision;
import dev.authjvm.core.config.ProtocolVersion;
import dev.authjvm.core.http.AuthResponse;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** What each protocol generation answers to a credentials sign-in, in each JSON mode. */
class CredentialsSignInTest {

  @Nested
  class V5 {
    TestBrowser browser = new TestBrowser(Auth.create(AuthFixtures.builder().build()), "http://localhost:8080");

    @Test
    void successAnswersTheCallbackUrlAndSetsTheSessionCookie() {
      AuthResponse r = browser.signIn("demo", "demo");
      assertEquals(200, r.status());
      assertEquals("http://localhost:8080", json(r).get("url"));
      assertTrue(browser.cookies.containsKey("authjs.session-token"));
    }

    @Test
    void sessionShowsTheSignedInUser() {
      browser.signIn("demo", "demo");
      Map<String, Object> session = json(browser.get("/api/auth/session"));
      assertEquals(Map.of("name", "Demo User", "email", "demo@example.com", "image", "https://example.com/demo.png"),
          session.get("user"));
    }

    @Test
    void wrongPasswordGoesToTheSignInPageWithCodeCredentials() {
      AuthResponse r = browser.signIn("demo", "wrong");
      assertEquals(200, r.status());
      assertEquals("http://localhost:8080/api/auth/signin?error=CredentialsSignin&code=credentials", json(r).get("url"));
      assertFalse(browser.cookies.containsKey("authjs.session-token"));
    }

    @Test
    void aCustomCodeFromTheAuthorizerReachesTheClient() {
      assertEquals("http://localhost:8080/api/auth/signin?error=CredentialsSignin&code=account_locked",
          json(browser.signIn("locked", "x")).get("url"));
    }

    @Test
    void withoutJsonModeTheAnswerIsA302() {
      Map<String, String> form = Map.of("csrfToken", browser.csrfToken(), "username", "demo", "password", "demo");
      AuthResponse r = browser.post("/api/auth/callback/credentials", form);
      assertEquals(302, r.status());
      assertEquals("http://localhost:8080", r.header("Location").orElseThrow());
    }

    @Test
    void aDeniedSignInGoesToTheErrorPageWithAccessDenied() {
      Auth auth = Auth.create(AuthFixtures.builder()
          .callbacks(Callbacks.DEFAULTS.withSignIn(a -> SignInDecision.DENY)).build());
      TestBrowser b = new TestBrowser(auth, "http://localhost:8080");
      assertEquals("http://localhost:8080/api/auth/error?error=AccessDenied", json(b.signIn("demo", "demo")).get("url"));
      assertFalse(b.cookies.containsKey("authjs.session-token"));
    }

    @Test
    void aV4ClientInItsJsonModeGets401SoItsOkIsFalse() {
      AuthResponse r = browser.post("/api/auth/callback/credentials", Map.of("csrfToken", browser.csrfToken(),
          "username", "demo", "password", "wrong", "json", "true"));
      assertEquals(401, r.status());
      assertEquals("http://localhost:8080/api/auth/signin?error=CredentialsSignin&code=credentials", json(r).get("url"));
    }

    @Test
    void aMissingCsrfTokenIsMissingCsrf() {
      browser.csrfToken();
      AuthResponse r = browser.post("/api/auth/callback/credentials", Map.of("username", "demo", "password", "demo"),
          "X-Auth-Return-Redirect", "1");
      assertEquals("http://localhost:8080/api/auth/signin?error=MissingCSRF", json(r).get("url"));
      assertFalse(browser.cookies.containsKey("authjs.session-token"));
    }

    @Test
    void aCsrfTokenWithoutItsCookieIsRefused() {
      String token = browser.csrfToken();
      browser.cookies.clear();
      AuthResponse r = browser.post("/api/auth/callback/credentials",
          Map.of("csrfToken", token, "username", "demo", "password", "demo"), "X-Auth-Return-Redirect", "1");
      assertEquals("http://localhost:8080/api/auth/signin?error=MissingCSRF", json(r).get("url"));
    }

    @Test
    void aCsrfCookieForgedWithoutTheSecretIsRefused() {
      String forged = "f".repeat(64);
      browser.cookies.put("authjs.csrf-token", forged + "|" + dev.authjvm.core.internal.security.CsrfToken.hash(forged, "guess"));
      AuthResponse r = browser.post("/api/auth/callback/credentials",
          Map.of("csrfToken", forged, "username", "demo", "password", "demo"), "X-Auth-Return-Redirect", "1");
      assertEquals("http://localhost:8080/api/auth/signin?error=MissingCSRF", json(r).get("url"));
    }
  }

  @Nested
  class V4 {
    TestBrowser browser = new TestBrowser(Auth.create(AuthFixtures.builder().protocol(ProtocolVersion.V4).build()),
        "http://localhost:8080");

    private AuthResponse signIn(String user, String password) {
      return browser.post("/api/auth/callback/credentials", Map.of("csrfToken", browser.csrfToken(), "username", user,
          "password", password, "json", "true", "callbackUrl", "/dashboard"));
    }

    @Test
    void successAnswers200WithTheCallbackUrlAndANextAuthCookie() {
      AuthResponse r = signIn("demo", "demo");
      assertEquals(200, r.status());
      assertEquals("http://localhost:8080/dashboard", json(r).get("url"));
      assertTrue(browser.cookies.containsKey("next-auth.session-token"));
    }

    @Test
    void wrongPasswordAnswers401WithTheErrorPageUrl() {
      AuthResponse r = signIn("demo", "wrong");
      assertEquals(401, r.status());
      assertEquals("http://localhost:8080/api/auth/error?error=CredentialsSignin&provider=credentials", json(r).get("url"));
    }

    @Test
    void aCustomCodeReplacesTheErrorName() {
      AuthResponse r = signIn("locked", "x");
      assertEquals(401, r.status());
      assertEquals("http://localhost:8080/api/auth/error?error=account_locked", json(r).get("url"));
    }

    @Test
    void aDeniedSignInAnswers403() {
      Auth auth = Auth.create(AuthFixtures.builder().protocol(ProtocolVersion.V4)
          .callbacks(Callbacks.DEFAULTS.withSignIn(a -> SignInDecision.DENY)).build());
      TestBrowser b = new TestBrowser(auth, "http://localhost:8080");
      AuthResponse r = b.post("/api/auth/callback/credentials", Map.of("csrfToken", b.csrfToken(), "username", "demo",
          "password", "demo", "json", "true"));
      assertEquals(403, r.status());
      assertEquals("http://localhost:8080/api/auth/error?error=AccessDenied", json(r).get("url"));
    }

    @Test
    void aMissingCsrfTokenRedirectsWithCsrfTrue() {
      AuthResponse r = browser.post("/api/auth/callback/credentials", Map.of("username", "demo", "json", "true"));
      assertEquals(200, r.status());
      assertEquals("http://localhost:8080/api/auth/signin?csrf=true", json(r).get("url"));
    }

    @Test
    void theErrorPageForwardsSignInErrorsToTheSignInPage() {
      AuthResponse r = browser.get("/api/auth/error?error=CredentialsSignin");
      assertEquals(302, r.status());
      assertEquals("http://localhost:8080/api/auth/signin?error=CredentialsSignin", r.header("Location").orElseThrow());
    }

    @Test
    void noSessionIsAnEmptyObject() {
      assertEquals("{}", browser.get("/api/auth/session").bodyText());
    }

    @Test
    void theV5HeaderModeIsUnderstoodToo() {
      AuthResponse r = browser.post("/api/auth/callback/credentials", Map.of("csrfToken", browser.csrfToken(),
          "username", "demo", "password", "wrong"), "X-Auth-Return-Redirect", "1");
      assertEquals(200, r.status());
      assertNull(json(r).get("code"));
    }
  }
}
