package dev.authjvm.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authjvm.conformance.http.KitResponse;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad input of every kind: a clear 4xx or a harmless answer, never a 5xx, never a stack trace. */
public abstract class RobustnessChecks extends ProtocolChecks {

  @Nested
  @DisplayName("§1.3 bad input: never a 5xx, never a stack trace")
  public class BadInput extends Section {
    @ParameterizedTest(name = "Cookie: {0}")
    @ValueSource(strings = {";;;", "=;a", "authjs.session-token=%zz%", "authjs.csrf-token=%E0%A4%A",
        "authjs.session-token.0=a; authjs.session-token.1=b", "authjs.session-token=\"quoted\"",
        "authjs.session-token=a.b.c.d.e"})
    void aMalformedCookieHeaderIsNoSession(String cookie) {
      assertNoSessionFor(cookie);
    }

    @Test
    @Deviation("Auth.js 0.41.3 answers 500 for a callback-url cookie of javascript:alert(1); bad input is never a 5xx here")
    void aJavascriptCallbackUrlCookieIsNoSession() {
      assertNoSessionFor("authjs.callback-url=javascript%3Aalert(1)");
    }

    private void assertNoSessionFor(String cookie) {
      KitResponse r = browser.get("session").header("Cookie", cookie).withoutCookies().send();
      assertClean(r);
      assertEquals(200, r.status());
      assertEquals("null", r.body());
    }

    @ParameterizedTest(name = "signin?{0}")
    @ValueSource(strings = {"error=%E0%A4%A", "error=%00", "email=%ff%fe", "error=<x>"})
    void aMalformedQueryIsTheSignInPageOr400(String query) {
      assertSignInPageOr400(signInWith(query));
    }

    @ParameterizedTest(name = "signin?{0}")
    @ValueSource(strings = {"callbackUrl=%C3%28", "callbackUrl=%", "callbackUrl=%%32%66"})
    @Deviation("Auth.js 0.41.3 answers 500 for a callbackUrl that is not valid percent-encoding; bad input is never a 5xx here")
    void aMalformedCallbackUrlIsTheSignInPageOr400(String query) {
      assertSignInPageOr400(signInWith(query));
    }

    private KitResponse.Raw signInWith(String query) {
      return browser.raw("GET", java.net.URI.create(browser.url("signin")).getRawPath() + "?" + query, Map.of());
    }

    /** Bad input is refused with a clear 400, or (as Auth.js does for most) ignored: the sign-in page. */
    private void assertSignInPageOr400(KitResponse.Raw r) {
      assertClean(r.status(), r.body());
      assertTrue(r.status() == 400 || r.status() == 200 && r.body().contains("<title>Sign In</title>"),
          r.status() + ": " + r.body());
    }

    @ParameterizedTest(name = "path {0}")
    @ValueSource(strings = {"callback/%", "callback/%zz", "%E0%A4"})
    void aMalformedPathIs400(String action) {
      KitResponse.Raw r = getAction(action);
      assertEquals(400, r.status(), r.body());
      assertClean(r.status(), r.body());
    }

    @Test
    void aMalformedProviderAfterSigninIsTheSignInPageOr400() {
      // Auth.js answers 400; this server shows its sign-in page, which ignores the segment. Both are harmless.
      assertSignInPageOr400(getAction("signin/%C3%28"));
    }

    private KitResponse.Raw getAction(String action) {
      String path = java.net.URI.create(browser.url("csrf")).getRawPath().replace("/csrf", "/" + action);
      return browser.raw("GET", path, Map.of());
    }

    @Test
    void aGarbageSessionTokenOf10KiBIsNoSession() {
      KitResponse r = browser.get("session").header("Cookie", "authjs.session-token=" + "x".repeat(10_000))
          .withoutCookies().send();
      assertClean(r);
      assertEquals(200, r.status());
      assertEquals("null", r.body());
    }

    @Test
    void invalidJsonOnSessionUpdateIs400() {
      browser.signIn("demo", "demo");
      KitResponse r = browser.post("session").body("application/json", "{not json").send();
      assertEquals(400, r.status());
      assertClean(r);
    }

    @Test
    void aJsonArrayOnSessionUpdateIs400() {
      browser.signIn("demo", "demo");
      assertEquals(400, browser.post("session").body("application/json", "[1,2]").send().status());
    }

    @Test
    void aCsrfTokenThatIsNotAStringIsRefused() {
      browser.signIn("demo", "demo");
      assertEquals(400, browser.post("session").body("application/json", "{\"csrfToken\":{\"$ne\":null}}").send().status());
    }

    @Test
    void anXmlBodySignsNobodyIn() {
      browser.csrfToken();
      KitResponse r = browser.post("callback/credentials").header("X-Auth-Return-Redirect", "1")
          .body("text/xml", "<csrfToken>x</csrfToken>").send();
      assertClean(r);
      assertFalse(SecurityChecks.hasSession(r));
    }

    @Test
    @Deviation("Auth.js reads any body size and answers as if the CSRF token were missing; we cap bodies at 64 KiB with 413")
    void aBodyOver64KiBIs413() {
      // Only the headers are sent: a server that refuses by the declared length answers at once, and a
      // client still sending the body could see the connection reset before it reads that answer.
      String path = java.net.URI.create(browser.url("callback/credentials")).getRawPath();
      KitResponse.Raw r = browser.raw("POST", path,
          Map.of("Content-Type", "application/x-www-form-urlencoded", "Content-Length", "70000"));
      assertEquals(413, r.status());
      assertClean(r.status(), r.body());
    }

    @Test
    void aLargeHeaderIsNotAServerError() {
      assertClean(browser.get("session").header("X-Padding", "y".repeat(6_000)).send());
    }

    @Test
    void aVeryLongCallbackUrlIsHarmless() {
      assertClean(browser.get("signin?callbackUrl=/" + "a".repeat(3_000)).send());
    }

    @Test
    void nulBytesInCredentialsAreRefusedCleanly() {
      KitResponse r = browser.post("callback/credentials").header("X-Auth-Return-Redirect", "1")
          .form(Map.of("csrfToken", browser.csrfToken(), "username", "demo\u0000", "password", "demo")).send();
      assertClean(r);
      assertEquals(browser.url("signin") + "?error=CredentialsSignin&code=credentials", r.url());
      assertFalse(SecurityChecks.hasSession(r));
    }

    @ParameterizedTest(name = "callback/{0}")
    @ValueSource(strings = {"cred%2Fentials", "%3Cscript%3E", "..%2F..%2Fetc", "credentials%00"})
    void aStrangeProviderSegmentIsHarmless(String segment) {
      KitResponse r = browser.post("callback/" + segment).header("X-Auth-Return-Redirect", "1")
          .form(SecurityChecks.credentials(browser.csrfToken(), "demo", "demo")).send();
      assertClean(r);
      assertFalse(SecurityChecks.hasSession(r));
    }

    @Test
    void aUnicodeUsernameIsRefusedCleanly() {
      KitResponse r = browser.signIn("dëmo\uD83D\uDE00", "demo");
      assertClean(r);
      assertEquals(browser.url("signin") + "?error=CredentialsSignin&code=credentials", r.url());
      assertFalse(SecurityChecks.hasSession(r));
    }
  }
}
