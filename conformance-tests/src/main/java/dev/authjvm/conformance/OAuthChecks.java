package dev.authjvm.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authjvm.conformance.http.KitClient;
import dev.authjvm.conformance.http.KitResponse;
import dev.authjvm.conformance.http.SetCookieHeader;
import dev.authjvm.core.config.AuthConfigBuilder;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * OAuth 2.0 / OIDC sign-in through the adapter, against the kit's own OIDC server: the redirect
 * with its check cookies, the GET and form_post callbacks, and forged callbacks refused cleanly.
 */
public abstract class OAuthChecks extends EmailChecks {
  private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"");

  static Map<String, String> query(String url) {
    Map<String, String> out = new LinkedHashMap<>();
    String q = URI.create(url).getRawQuery();
    for (String pair : q == null ? new String[0] : q.split("&")) {
      int eq = pair.indexOf('=');
      out.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return out;
  }

  static KitResponse startSignIn(KitClient browser, String provider) {
    return browser.post("signin/" + provider)
        .form(Map.of("csrfToken", browser.csrfToken(), "callbackUrl", browser.origin() + "/welcome")).send();
  }

  static String location(KitResponse r) {
    return r.header("Location").orElseThrow(() -> new AssertionError("no redirect: " + r.status() + " " + r.body()));
  }

  /** Starts a sign-in and lets the OIDC server answer; returns the callback URL it sends the browser to. */
  static String callbackUrl(KitClient browser, String provider) {
    KitResponse idp = browser.get(location(startSignIn(browser, provider))).withoutCookies().send();
    return location(idp);
  }

  static void assertRefused(KitClient browser, KitResponse r) {
    assertClean(r);
    assertEquals(302, r.status(), r.body());
    assertTrue(location(r).endsWith("/signin?error=OAuthCallbackError"), location(r));
    assertEquals("null", browser.get("session").send().body().strip());
  }

  @Nested
  @DisplayName("§7.1 OAuth 2.0 / OIDC sign-in")
  public class OAuthSignIn extends Section {
    @Override
    protected boolean needsOwnConfiguration() {
      return true;
    }

    @Override
    protected AuthConfigBuilder configuration() {
      return KitConfigs.builder().provider(KitOidc.provider("kit-oidc", "kit", false))
          .provider(KitOidc.provider("kit-formpost", "kit-formpost", true));
    }

    @Test
    void signInRedirectsToTheProviderWithPkceStateAndNonceInEncryptedCookies() {
      KitResponse r = startSignIn(browser, "kit-oidc");
      assertEquals(302, r.status());
      Map<String, String> q = query(location(r));
      assertEquals("S256", q.get("code_challenge_method"));
      assertEquals(browser.url("callback/kit-oidc"), q.get("redirect_uri"));
      for (String check : new String[] {"state", "pkce.code_verifier", "nonce"}) {
        SetCookieHeader c = r.setCookie("authjs." + check).orElseThrow(() -> new AssertionError("no " + check + " cookie"));
        assertTrue(c.has("HttpOnly"), c.header());
        assertTrue(!c.rawValue().contains(q.getOrDefault(check, "\u0000")), "the cookie must not carry the value in clear");
      }
    }

    @Test
    void theCallbackSignsInAndRedirectsToTheCallbackUrl() {
      KitOidc.nextUser("kit", "kit-" + UUID.randomUUID(), Map.of("name", "Kit User", "email", "kit@example.com"));
      KitResponse done = browser.get(callbackUrl(browser, "kit-oidc")).send();
      assertEquals(302, done.status(), done.body());
      assertEquals(browser.origin() + "/welcome", location(done));
      assertEquals("Kit User", browser.get("session").send().json().path("user").path("name").asText());
    }

    @Test
    void aFormPostCallbackSignsIn() {
      KitOidc.nextUser("kit-formpost", "kit-" + UUID.randomUUID(), Map.of("name", "Posted User"));
      KitResponse page = browser.get(location(startSignIn(browser, "kit-formpost"))).withoutCookies().send();
      Map<String, String> fields = new LinkedHashMap<>();
      Matcher m = HIDDEN.matcher(page.body());
      while (m.find()) {
        fields.put(m.group(1), m.group(2));
      }
      KitResponse done = browser.post("callback/kit-formpost").form(fields).send();
      assertEquals(302, done.status(), done.body());
      assertEquals("Posted User", browser.get("session").send().json().path("user").path("name").asText());
    }

    @Test
    void aForgedStateIsRefused() {
      String callback = callbackUrl(browser, "kit-oidc");
      String state = query(callback).get("state");
      assertRefused(browser, browser.get(callback.replace("state=" + state, "state=forged")).send());
    }

    @Test
    void aCallbackWithoutTheCheckCookiesIsRefused() {
      String callback = callbackUrl(browser, "kit-oidc");
      KitClient stranger = anotherBrowser();
      assertRefused(stranger, stranger.get(callback).send());
    }

    @Test
    void aCallbackForAnotherProviderThanTheOneThatStartedIsRefused() {
      String callback = callbackUrl(browser, "kit-oidc");
      assertRefused(browser, browser.get(callback.replace("/callback/kit-oidc", "/callback/kit-formpost")).send());
    }

    @Test
    void anErrorFromTheProviderIsRefused() {
      assertRefused(browser, browser.get("callback/kit-oidc?error=access_denied&state=x").send());
    }

    @Test
    void theCheckCookiesAreClearedByTheCallback() {
      KitOidc.nextUser("kit", "kit-" + UUID.randomUUID(), Map.of());
      KitResponse done = browser.get(callbackUrl(browser, "kit-oidc")).send();
      assertTrue(done.setCookie("authjs.state").orElseThrow().isDeletion());
      assertTrue(!browser.cookies().containsKey("authjs.pkce.code_verifier"));
    }
  }
}
