package dev.authjvm.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authjvm.conformance.http.KitResponse;
import dev.authjvm.conformance.http.SetCookieHeader;
import dev.authjvm.core.config.AuthConfigBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import dev.authjvm.core.jwt.JweFormat;
import dev.authjvm.core.jwt.JwtClaims;
import dev.authjvm.core.jwt.JwtCodec;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Routing, cookies, proxies, base paths and protocol generations. */
public abstract class ProtocolChecks extends SecurityChecks {

  @Nested
  @DisplayName("§1.2 routing and methods")
  public class Routing extends Section {
    @ParameterizedTest(name = "GET {0}")
    @ValueSource(strings = {"nope", "session/extra", "csrf/x", "providers/credentials", "a/b/c", "error/x/y"})
    void anUnknownActionIs400(String path) {
      KitResponse r = browser.get(path).send();
      assertEquals(400, r.status(), r.body());
      assertClean(r);
    }

    @Deviation("Auth.js answers HEAD with 400 Bad request; HTTP requires HEAD wherever GET works (RFC 9110 §9.3.2)")
    @ParameterizedTest(name = "HEAD {0}")
    @ValueSource(strings = {"providers", "csrf", "session", "signin"})
    void headAnswersLikeGetWithoutABody(String path) {
      KitResponse head = browser.method("HEAD", path).send();
      assertEquals(200, head.status());
      assertEquals("", head.body());
      assertEquals(browser.get(path).send().header("Content-Type").map(v -> v.split(";")[0]),
          head.header("Content-Type").map(v -> v.split(";")[0]));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"PUT,session,GET HEAD POST", "DELETE,session,GET HEAD POST", "PATCH,signout,GET HEAD POST",
        "PUT,callback/credentials,GET HEAD POST", "DELETE,csrf,GET HEAD", "PUT,providers,GET HEAD",
        "OPTIONS,session,GET HEAD POST", "POST,providers,GET HEAD", "POST,csrf,GET HEAD", "POST,error,GET HEAD",
        "POST,verify-request,GET HEAD"})
    @Deviation("Auth.js answers 400 (or a 302 to its error page for POST); 405 with Allow is what HTTP prescribes")
    void anotherMethodOnAKnownActionIs405WithAllow(String method, String path, String allowed) {
      KitResponse r = browser.method(method, path).send();
      assertEquals(405, r.status(), r.body());
      // The methods the action accepts, no more and no fewer, in any order (RFC 9110 §10.2.1).
      String allow = r.header("Allow").orElseThrow(() -> new AssertionError("no Allow header"));
      assertEquals(java.util.Set.of(allowed.split(" ")), java.util.Set.of(allow.split("\\s*,\\s*")), "Allow: " + allow);
      assertClean(r);
    }

    @Test
    @Deviation("Auth.js answers 400 for /providers/; frameworks and proxies add trailing slashes, so we accept them")
    void aTrailingSlashIsTheSameAction() {
      assertEquals(200, browser.get("providers/").send().status());
    }
  }

  @Nested
  @DisplayName("§4 cookies over https behind a trusted proxy")
  public class SecureCookies extends Section {
    @Override
    protected AuthConfigBuilder configuration() {
      return KitConfigs.builder().trustHost(true);
    }

    @Override
    protected boolean needsOwnConfiguration() {
      return true;
    }

    private KitResponse csrfOverHttps() {
      return browser.get("csrf").header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "auth.example.com").send();
    }

    @Test
    void theCsrfCookieIsHostPrefixedAndSecure() {
      SetCookieHeader c = csrfOverHttps().setCookie("__Host-authjs.csrf-token").orElseThrow();
      assertTrue(c.has("Secure") && c.has("HttpOnly"));
      assertEquals("/", c.attribute("Path").orElse(null));
      assertFalse(c.has("Domain"));
    }

    @Test
    void theCallbackUrlCookieIsSecurePrefixedWithTheForwardedOrigin() {
      SetCookieHeader c = csrfOverHttps().setCookie("__Secure-authjs.callback-url").orElseThrow();
      assertTrue(c.has("Secure"));
      assertEquals("https://auth.example.com", c.value());
    }

    @Test
    void theSessionCookieIsSecurePrefixed() {
      String token = csrfOverHttps().json().path("csrfToken").asText();
      KitResponse r = browser.post("callback/credentials").header("X-Forwarded-Proto", "https")
          .header("X-Forwarded-Host", "auth.example.com").header("X-Auth-Return-Redirect", "1")
          .form(SecurityChecks.credentials(token, "demo", "demo")).send();
      assertTrue(r.setCookie("__Secure-authjs.session-token").orElseThrow().has("Secure"));
      assertEquals("https://auth.example.com", r.url());
    }

    @Test
    void providersAreListedOnTheForwardedOrigin() {
      KitResponse r = browser.get("providers").header("X-Forwarded-Proto", "https")
          .header("X-Forwarded-Host", "auth.example.com").send();
      assertTrue(r.json().path("credentials").path("signinUrl").asText().startsWith("https://auth.example.com/"));
    }

    @Test
    void withoutForwardedHeadersCookiesAreNotSecure() {
      KitResponse r = browser.get("csrf").send();
      assertTrue(r.setCookie("authjs.csrf-token").isPresent());
      assertFalse(r.setCookie("authjs.csrf-token").orElseThrow().has("Secure"));
    }
  }

  @Nested
  @DisplayName("§1.1 forwarded headers are ignored without trustHost")
  public class UntrustedProxy extends Section {
    @Test
    void forwardedProtoDoesNotMakeCookiesSecure() {
      KitResponse r = browser.get("csrf").header("X-Forwarded-Proto", "https").send();
      assertTrue(r.setCookies().stream().noneMatch(c -> c.name().startsWith("__")), r.headers("Set-Cookie").toString());
    }

    @Test
    void forwardedHostDoesNotChangeTheUrls() {
      KitResponse r = browser.get("providers").header("X-Forwarded-Host", "evil.example").send();
      assertFalse(r.body().contains("evil.example"), r.body());
    }

    @Test
    void forwardedHostDoesNotChangeRedirects() {
      Map<String, String> form = SecurityChecks.credentials(browser.csrfToken(), "demo", "demo");
      KitResponse r = browser.post("callback/credentials").header("X-Forwarded-Host", "evil.example")
          .header("X-Auth-Return-Redirect", "1").form(form).send();
      assertFalse(r.url().contains("evil.example"), r.url());
    }
  }

  @Nested
  @DisplayName("§1.1 a nested base path (/auth/v1)")
  public class NestedBasePath extends Section {
    @Override
    protected AuthConfigBuilder configuration() {
      return KitConfigs.builder().basePath("/auth/v1");
    }

    @Override
    protected boolean needsOwnConfiguration() {
      return true;
    }

    @Test
    void servesTheApiUnderTheBasePath() {
      assertTrue(browser.url("csrf").contains("/auth/v1/csrf"));
      assertEquals(200, browser.get("csrf").send().status());
    }

    @Test
    void providerUrlsCarryTheBasePath() {
      assertEquals(browser.origin() + "/auth/v1/callback/credentials",
          browser.get("providers").send().json().path("credentials").path("callbackUrl").asText());
    }

    @Test
    void theSignInFormPostsUnderTheBasePath() {
      assertTrue(browser.get("signin").send().body().contains("action=\"" + browser.origin() + "/auth/v1/callback/credentials\""));
    }

    @Test
    void errorRedirectsCarryTheBasePath() {
      assertEquals(browser.origin() + "/auth/v1/signin?error=CredentialsSignin&code=credentials",
          browser.signIn("demo", "wrong").url());
    }

    @Test
    void aFullSignInWorks() {
      browser.signIn("demo", "demo");
      assertEquals("Demo User", browser.get("session").send().json().path("user").path("name").asText());
    }
  }

  @Nested
  @DisplayName("§2.12 POST /_log")
  public class ClientLog extends Section {
    @Test
    @Deviation("Auth.js v5 removed /_log (400); we keep it so v3/v4 clients can talk to a v5 server")
    void acceptsABeaconWith200AndNoBody() {
      KitResponse r = browser.post("_log").form(Map.of("level", "error", "code", "CLIENT_FETCH_ERROR",
          "message", "x")).send();
      assertEquals(200, r.status());
      assertEquals("", r.body());
    }

    @Test
    void setsNoCookie() {
      assertTrue(browser.post("_log").form(Map.of("level", "warn")).send().headers("Set-Cookie").isEmpty());
    }
  }

  @Nested
  @DisplayName("§4.3 session cookie chunking")
  public class Chunking extends Section {
    @Override
    protected boolean needsJwtSessions() {
      return true;
    }

    @Test
    void aLargeTokenIsSplitIntoNumberedChunks() {
      KitResponse r = browser.signIn("big", "demo");
      assertTrue(r.setCookie("authjs.session-token.0").isPresent() && r.setCookie("authjs.session-token.1").isPresent(),
          r.headers("Set-Cookie").toString());
    }

    @Test
    void eachChunkStaysUnderTheBrowserLimit() {
      browser.signIn("big", "demo").setCookies().forEach(c -> assertTrue(c.header().length() <= 4096, c.name()));
    }

    @Test
    void theChunksAreReadBackAsOneSession() {
      browser.signIn("big", "demo");
      assertEquals("Big User", browser.get("session").send().json().path("user").path("name").asText());
    }

    @Test
    void signOutClearsEveryChunk() {
      browser.signIn("big", "demo");
      KitResponse r = browser.post("signout").form(Map.of("csrfToken", browser.csrfToken())).send();
      assertTrue(r.setCookie("authjs.session-token.0").orElseThrow().isDeletion());
      assertTrue(r.setCookie("authjs.session-token.1").orElseThrow().isDeletion());
    }
  }

  @Nested
  @DisplayName("§6 session tokens interoperate through the shared secret")
  public class TokenInterop extends Section {
    @Override
    protected boolean needsJwtSessions() {
      return true;
    }

    private static final String COOKIE = "authjs.session-token";
    private final JwtCodec elsewhere = new JwtCodec(List.of(KitConfigs.SECRET), JweFormat.V5, Clock.systemUTC(), List.of(COOKIE));

    @Test
    void aTokenMadeElsewhereWithTheSharedSecretIsASession() {
      browser.cookies().put(COOKIE, elsewhere.encode(
          JwtClaims.of(Map.of("name", "Kit User", "email", "kit@example.com", "sub", "42")), Duration.ofHours(1), COOKIE));
      JsonNode user = browser.get("session").send().json().path("user");
      assertEquals("Kit User", user.path("name").asText(), "the session of a token made by the kit");
      assertEquals("kit@example.com", user.path("email").asText());
    }

    @Test
    void theServersTokenIsReadableElsewhereWithTheSharedSecret() {
      browser.signIn("demo", "demo");
      JwtClaims claims = elsewhere.decode(browser.cookies().get(COOKIE), COOKIE).orElseThrow(() ->
          new AssertionError("the session cookie does not decrypt as a v5 token with the shared secret"));
      assertEquals("Demo User", claims.name());
      assertEquals("demo@example.com", claims.email());
      assertEquals("1", claims.sub());
    }
  }
}
