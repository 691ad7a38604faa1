package dev.authjvm.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authjvm.conformance.http.KitResponse;
import dev.authjvm.conformance.http.SetCookieHeader;
import dev.authjvm.core.config.AuthConfigBuilder;
import dev.authjvm.conformance.http.Urls;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * OAuth 2.0 / OpenID Connect sign-in through the adapter: the kit starts its own OIDC provider and
 * plays the browser across both sites. The flow's secrets travel in check cookies, so these checks
 * are mostly about what the adapter must carry faithfully: cookies, redirects, query strings.
 */
public abstract class OAuthChecks extends EmailChecks {
  static final String PROVIDER = "kit-oidc";

  @Nested
  @DisplayName("§7.1 OAuth/OIDC sign-in: POST /signin/:provider and GET /callback/:provider")
  public class OAuthSignIn extends Section {
    @Override
    protected boolean needsOwnConfiguration() {
      return true;
    }

    @Override
    protected AuthConfigBuilder configuration() {
      return KitConfigs.builder().provider(KitIdentityProvider.oidc(PROVIDER, "kit"))
          .provider(KitIdentityProvider.oidc("kit-other", "other"))
          .provider(KitIdentityProvider.oidcFormPost("kit-formpost", "formpost"));
    }

    KitResponse start(String provider, String query) {
      return browser.post("signin/" + provider + query)
          .form(Map.of("csrfToken", browser.csrfToken(), "callbackUrl", browser.origin() + "/welcome")).send();
    }

    /** The callback path (below the base path) the identity provider sends the browser back to. */
    String callbackFromProvider(KitResponse started) {
      String back = KitIdentityProvider.authorize(started.header("Location").orElseThrow());
      return back.substring(back.indexOf("/callback/") + 1);
    }

    Map<String, String> query(String url) {
      return Urls.query(url);
    }

    /** A failed callback lands on the sign-in page with OAuthCallbackError, and nobody is signed in. */
    void assertRejected(KitResponse callback) {
      assertEquals(302, callback.status(), callback.body());
      assertEquals(browser.url("signin") + "?error=OAuthCallbackError", callback.header("Location").orElse(null));
      assertEquals("null", browser.get("session").send().body(), "no session");
    }

    @Test
    void signInSendsTheBrowserToTheProviderWithPkceStateAndNonce() {
      KitResponse r = start(PROVIDER, "");
      assertEquals(302, r.status());
      Map<String, String> q = query(r.header("Location").orElseThrow());
      assertEquals("code", q.get("response_type"));
      assertEquals(KitIdentityProvider.CLIENT_ID, q.get("client_id"));
      assertEquals(browser.url("callback/" + PROVIDER), q.get("redirect_uri"));
      assertEquals("S256", q.get("code_challenge_method"));
      assertTrue(q.containsKey("state") && q.containsKey("nonce") && q.containsKey("code_challenge"), q.toString());
    }

    @Test
    void theFlowsSecretsTravelInHttpOnlyLaxCookiesThatExpire() {
      List<SetCookieHeader> checks = start(PROVIDER, "").setCookies().stream()
          .filter(c -> c.name().contains("pkce") || c.name().contains("state") || c.name().contains("nonce")).toList();
      assertEquals(3, checks.size(), checks.toString());
      for (SetCookieHeader c : checks) {
        assertTrue(c.has("HttpOnly"), c.header());
        assertEquals("lax", c.attribute("SameSite").orElse("").toLowerCase(java.util.Locale.ROOT), c.header());
        assertEquals("/", c.attribute("Path").orElse(""), c.header());
        long maxAge = Long.parseLong(c.attribute("Max-Age").orElse("0"));
        assertTrue(maxAge > 0 && maxAge <= 900, c.header());
      }
    }

    @Test
    void inV5JsonModeTheClientGetsTheAuthorizationUrl() {
      KitResponse r = browser.post("signin/" + PROVIDER).header("X-Auth-Return-Redirect", "1")
          .form(Map.of("csrfToken", browser.csrfToken())).send();
      assertEquals(200, r.status());
      assertTrue(r.json().path("url").asText().contains("code_challenge="), r.body());
    }

    @Test
    void theWholeFlowEndsOnTheCallbackUrlWithASession() {
      KitResponse callback = browser.get(callbackFromProvider(start(PROVIDER, ""))).send();
      assertEquals(302, callback.status());
      assertEquals(browser.origin() + "/welcome", callback.header("Location").orElseThrow());
      assertFalse(browser.get("session").send().json().path("user").isMissingNode(), "a session with a user");
    }

    @Test
    void aFormPostCallbackCarriesTheCodeInTheBodyAndSignsIn() {
      Map<String, String> form = KitIdentityProvider.authorizeFormPost(
          start("kit-formpost", "").header("Location").orElseThrow());
      KitResponse callback = browser.post("callback/kit-formpost").form(form).send();
      assertEquals(302, callback.status());
      assertEquals(browser.origin() + "/welcome", callback.header("Location").orElseThrow());
      assertFalse(browser.get("session").send().json().path("user").isMissingNode(), "a session with a user");
    }

    @Test
    void theCheckCookiesAreClearedByTheCallback() {
      KitResponse started = start(PROVIDER, "");
      List<String> checks = started.setCookies().stream().map(SetCookieHeader::name)
          .filter(n -> n.contains("pkce") || n.contains("state") || n.contains("nonce")).toList();
      assertEquals(3, checks.size(), checks.toString());
      KitResponse callback = browser.get(callbackFromProvider(started)).send();
      for (String name : checks) {
        SetCookieHeader cleared = callback.setCookie(name)
            .orElseThrow(() -> new AssertionError("the callback does not clear " + name + ": " + callback.headers("Set-Cookie")));
        assertTrue(cleared.isDeletion(), cleared.header());
      }
      assertTrue(browser.cookies().keySet().stream().noneMatch(checks::contains), browser.cookies().keySet().toString());
    }

    @Test
    void authorizationParamsPassThroughButRedirectUriStaysTheServers() {
      KitResponse r = start(PROVIDER, "?login_hint=ada&redirect_uri=" + Urls.encode("https://evil.example/cb"));
      Map<String, String> q = query(r.header("Location").orElseThrow());
      assertEquals("ada", q.get("login_hint"));
      assertEquals(browser.url("callback/" + PROVIDER), q.get("redirect_uri"));
    }

    @Test
    @Deviation("Auth.js v5 answers a failed state, PKCE or nonce check with a 500 Configuration error; a forged or stale callback is bad input, so OAuthCallbackError here")
    void aCallbackWithAnotherStateIsRejected() {
      String callback = callbackFromProvider(start(PROVIDER, "")).replaceAll("state=[^&]+", "state=forged");
      assertRejected(browser.get(callback).send());
    }

    @Test
    @Deviation("Auth.js v5 answers a failed state, PKCE or nonce check with a 500 Configuration error; a forged or stale callback is bad input, so OAuthCallbackError here")
    void aCallbackInABrowserThatDidNotStartTheFlowIsRejected() {
      String callback = callbackFromProvider(start(PROVIDER, ""));
      browser.cookies().clear();
      assertRejected(browser.get(callback).send());
    }

    @Test
    @Deviation("Auth.js v5 answers a failed state, PKCE or nonce check with a 500 Configuration error; a forged or stale callback is bad input, so OAuthCallbackError here")
    void aCallbackForAnotherProviderThanTheOneThatStartedIsRejected() {
      String callback = callbackFromProvider(start(PROVIDER, "")).replace("callback/" + PROVIDER, "callback/kit-other");
      assertRejected(browser.get(callback).send());
    }

    @Test
    @Deviation("Auth.js v5 answers a failed state, PKCE or nonce check with a 500 Configuration error; a forged or stale callback is bad input, so OAuthCallbackError here")
    void aReplayedCallbackIsRejected() {
      KitResponse started = start(PROVIDER, "");
      Map<String, String> cookiesAtCallback = new HashMap<>(browser.cookies());
      String callback = callbackFromProvider(started);
      browser.get(callback).send();
      browser.cookies().clear();
      browser.cookies().putAll(cookiesAtCallback);
      assertRejected(browser.get(callback).send());
    }

    @Test
    void anErrorFromTheProviderIsOAuthCallbackErrorWithNoSession() {
      KitResponse r = browser.get("callback/" + PROVIDER + "?error=access_denied&error_description=no").send();
      assertRejected(r);
      assertClean(r);
    }
  }
}
