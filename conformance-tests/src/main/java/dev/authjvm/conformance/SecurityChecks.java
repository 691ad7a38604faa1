package dev.authjvm.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authjvm.conformance.http.KitResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Sign-in and its defences: credentials, CSRF, redirect rules. */
public abstract class SecurityChecks extends PageChecks {

  static Map<String, String> credentials(String csrf, String user, String password) {
    Map<String, String> form = new LinkedHashMap<>();
    if (csrf != null) {
      form.put("csrfToken", csrf);
    }
    form.put("username", user);
    form.put("password", password);
    return form;
  }

  static boolean hasSession(KitResponse r) {
    return r.setCookies().stream().anyMatch(c -> c.name().contains("session-token") && !c.isDeletion());
  }

  @Nested
  @DisplayName("§7.3 §3.2 POST /callback/credentials")
  public class Credentials extends Section {
    @Test
    void successAnswers200WithTheCallbackUrlInHeaderMode() {
      KitResponse r = browser.signIn("demo", "demo");
      assertEquals(200, r.status());
      assertEquals(browser.origin(), r.url());
    }

    @Test
    void successSetsAnHttpOnlyLaxSessionCookieThatExpires() {
      KitResponse r = browser.signIn("demo", "demo");
      var c = r.setCookies().stream().filter(x -> x.name().contains("session-token")).findFirst().orElseThrow();
      assertTrue(c.has("HttpOnly") && c.has("Expires"), c.header());
      assertEquals("Lax", c.attribute("SameSite").orElse(null));
      assertEquals("/", c.attribute("Path").orElse(null));
    }

    @Test
    void successHonoursARelativeCallbackUrl() {
      Map<String, String> form = credentials(browser.csrfToken(), "demo", "demo");
      form.put("callbackUrl", "/dashboard?tab=1");
      KitResponse r = browser.post("callback/credentials").header("X-Auth-Return-Redirect", "1").form(form).send();
      assertEquals(browser.origin() + "/dashboard?tab=1", r.url());
    }

    @Test
    void successWithoutJsonModeIsA302() {
      KitResponse r = browser.post("callback/credentials").form(credentials(browser.csrfToken(), "demo", "demo")).send();
      assertEquals(302, r.status());
      assertEquals(browser.origin(), r.header("Location").orElse(null));
    }

    @Test
    @Deviation("Auth.js v5 ignores the v4 json=true field and redirects; we honour both JSON modes so v4 clients work")
    void theV4JsonFieldModeAnswersJsonToo() {
      Map<String, String> form = credentials(browser.csrfToken(), "demo", "demo");
      form.put("json", "true");
      KitResponse r = browser.post("callback/credentials").form(form).send();
      assertEquals(200, r.status());
      assertEquals(browser.origin(), r.url());
    }

    @Test
    void aWrongPasswordAnswersTheSignInPageWithCredentialsSignin() {
      KitResponse r = browser.signIn("demo", "wrong");
      assertEquals(200, r.status());
      assertEquals(browser.url("signin") + "?error=CredentialsSignin&code=credentials", r.url());
      assertFalse(hasSession(r));
    }

    @Test
    void aCustomCodeOfTheAuthorizeFunctionReachesTheClient() {
      assertEquals(browser.url("signin") + "?error=CredentialsSignin&code=account_locked", browser.signIn("locked", "x").url());
    }

    @Test
    void anUnknownUserIsRefusedLikeAWrongPassword() {
      assertFalse(hasSession(browser.signIn("nobody", "demo")));
    }

    @Test
    void aGetOnTheCredentialsCallbackSignsNobodyIn() {
      KitResponse r = browser.get("callback/credentials?username=demo&password=demo").send();
      assertFalse(hasSession(r));
      assertClean(r);
    }

    @Test
    void anUnknownProviderSignsNobodyIn() {
      KitResponse r = browser.post("callback/nope").header("X-Auth-Return-Redirect", "1")
          .form(credentials(browser.csrfToken(), "demo", "demo")).send();
      assertFalse(hasSession(r));
      assertClean(r);
    }
  }

  @Nested
  @DisplayName("§5 CSRF double-submit")
  public class CsrfEnforcement extends Section {
    /** Refused as Auth.js v5 refuses: MissingCSRF on the sign-in page, and no session. */
    private void assertMissingCsrf(KitResponse r) {
      assertEquals(200, r.status(), r.body());
      assertEquals(browser.url("signin") + "?error=MissingCSRF", r.url());
      assertFalse(hasSession(r));
    }

    @Test
    void credentialsWithoutTheTokenAreMissingCsrf() {
      browser.csrfToken();
      assertMissingCsrf(browser.post("callback/credentials").header("X-Auth-Return-Redirect", "1")
          .form(credentials(null, "demo", "demo")).send());
    }

    @Test
    void credentialsWithATokenButNoCookieAreRefused() {
      String token = browser.csrfToken();
      browser.cookies().clear();
      assertMissingCsrf(browser.post("callback/credentials").header("X-Auth-Return-Redirect", "1")
          .form(credentials(token, "demo", "demo")).send());
    }

    @Test
    void credentialsWithATokenOfAnotherBrowserAreRefused() {
      String theirs = anotherBrowser().csrfToken();
      browser.csrfToken();
      assertMissingCsrf(browser.post("callback/credentials").header("X-Auth-Return-Redirect", "1")
          .form(credentials(theirs, "demo", "demo")).send());
    }

    @Test
    void aCookieForgedWithoutTheSecretIsRefused() {
      String name = browser.get("csrf").send().setCookies().stream().map(c -> c.name())
          .filter(n -> n.endsWith("csrf-token")).findFirst().orElseThrow();
      String token = "c".repeat(64);
      browser.cookies().put(name, token + "%7C" + "d".repeat(64));
      assertMissingCsrf(browser.post("callback/credentials").header("X-Auth-Return-Redirect", "1")
          .form(credentials(token, "demo", "demo")).send());
    }

    @Test
    void signOutWithoutTheTokenIsMissingCsrfAndKeepsTheSession() {
      browser.signIn("demo", "demo");
      KitResponse r = browser.post("signout").header("X-Auth-Return-Redirect", "1").form(Map.of("callbackUrl", "/")).send();
      assertEquals(browser.url("signin") + "?error=MissingCSRF", r.url());
      assertEquals("Demo User", browser.get("session").send().json().path("user").path("name").asText());
    }

    @Test
    void signInWithoutTheTokenIsMissingCsrf() {
      browser.csrfToken();
      KitResponse r = browser.post("signin/credentials").header("X-Auth-Return-Redirect", "1").form(Map.of()).send();
      assertEquals(browser.url("signin") + "?error=MissingCSRF", r.url());
    }

    @Test
    void aTokenInTheQueryStringDoesNotCount() {
      String token = browser.csrfToken();
      assertMissingCsrf(browser.post("callback/credentials?csrfToken=" + token).header("X-Auth-Return-Redirect", "1")
          .form(credentials(null, "demo", "demo")).send());
    }
  }

  @Nested
  @DisplayName("§2.0 callbackUrl redirect rules")
  public class RedirectRules extends Section {
    private String signInWith(String callbackUrl) {
      Map<String, String> form = credentials(browser.csrfToken(), "demo", "demo");
      form.put("callbackUrl", callbackUrl);
      return browser.post("callback/credentials").header("X-Auth-Return-Redirect", "1").form(form).send().url();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"https://evil.example", "http://evil.example/path", "//evil.example", "///evil.example",
        "/\\evil.example", "\\\\evil.example", "javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,x",
        "https://evil.example@localhost", "ftp://evil.example", "https:evil.example", "\t//evil.example",
        "%2F%2Fevil.example", "http://localhost.evil.example", "https://evil.example/?next=http://localhost"})
    void anOffSiteTargetStaysOnTheSite(String target) {
      String url = signInWith(target);
      assertTrue(url.equals(browser.origin()) || url.startsWith(browser.origin() + "/"), "went to " + url);
      assertFalse(url.contains("evil.example") && !url.startsWith(browser.origin() + "/"), url);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/", "/account", "/a/b?c=d&e=f", "/search?q=%2F%2Fevil"})
    void aRelativeTargetIsFollowedOnTheOrigin(String target) {
      assertEquals(browser.origin() + target, signInWith(target));
    }

    @Test
    void anAbsoluteTargetOnTheOriginIsFollowed() {
      assertEquals(browser.origin() + "/here", signInWith(browser.origin() + "/here"));
    }

    @Test
    void theCallbackUrlCookieOnlyEverHoldsTheOrigin() {
      Map<String, String> form = credentials(browser.csrfToken(), "demo", "demo");
      form.put("callbackUrl", "https://evil.example");
      browser.post("callback/credentials").header("X-Auth-Return-Redirect", "1").form(form).send();
      // GET /csrf set the cookie to the origin; the off-site target must not have replaced it.
      String cookie = browser.cookies().entrySet().stream().filter(e -> e.getKey().endsWith("callback-url"))
          .map(Map.Entry::getValue).findFirst()
          .orElseThrow(() -> new AssertionError("no callback-url cookie: " + browser.cookies().keySet()));
      assertEquals(browser.origin(), java.net.URLDecoder.decode(cookie, java.nio.charset.StandardCharsets.UTF_8));
    }
  }
}
