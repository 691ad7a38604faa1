package dev.authjvm.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.authjvm.conformance.http.KitClient;
import dev.authjvm.conformance.http.KitResponse;
import dev.authjvm.conformance.http.SetCookieHeader;
import dev.authjvm.core.config.AuthConfigBuilder;
import dev.authjvm.core.config.ProtocolVersion;
import dev.authjvm.core.jwt.JweFormat;
import dev.authjvm.core.jwt.JwtClaims;
import dev.authjvm.core.jwt.JwtCodec;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The v4 generation (NextAuth.js v4, whose wire protocol the v2–v4 clients speak): a server in v4 mode
 * ({@code AUTH_PROTOCOL_VERSION=v4}). These sections are the standard configuration of a black-box run
 * with {@code --protocol v4}, which is how they are checked against the real NextAuth.js v4 server.
 */
public abstract class V4Checks extends PasskeyChecks {
  static final String SESSION_COOKIE = "next-auth.session-token";

  /** A section against a server in v4 mode, in the kit's standard configuration otherwise. */
  abstract class V4Section extends Section {
    @Override
    protected AuthConfigBuilder configuration() {
      return KitConfigs.builder().protocol(ProtocolVersion.V4);
    }

    @Override
    protected ProtocolVersion protocol() {
      return ProtocolVersion.V4;
    }

    /** The credentials sign-in of the v3/v4 clients: {@code json=true} in the form. */
    KitResponse signInV4(KitClient client, String username, String password) {
      return client.post("callback/credentials").form(Map.of("csrfToken", client.csrfToken(), "username", username,
          "password", password, "json", "true")).send();
    }

    KitResponse signInV4(String password) {
      return signInV4(browser, "demo", password);
    }

    KitResponse signOutV4() {
      return browser.post("signout").form(Map.of("csrfToken", browser.csrfToken(), "json", "true")).send();
    }
  }

  @Nested
  @DisplayName("§12 the v4 generation (NextAuth.js v4 and the v3 client)")
  public class V4Generation extends V4Section {
    @Test
    void noSessionIsAnEmptyObject() {
      assertEquals("{}", browser.get("session").send().body());
    }

    @Test
    void cookiesAreNamedNextAuth() {
      KitResponse r = browser.get("csrf").send();
      assertTrue(r.setCookie("next-auth.csrf-token").isPresent() && r.setCookie("next-auth.callback-url").isPresent());
      assertTrue(signInV4("demo").setCookie(SESSION_COOKIE).isPresent());
    }

    @Test
    void theSessionCookieIsHttpOnlyLaxOnTheWholeSite() {
      SetCookieHeader c = signInV4("demo").setCookie(SESSION_COOKIE).orElseThrow();
      assertTrue(c.has("HttpOnly"), c.header());
      assertEquals("lax", c.attribute("SameSite").map(v -> v.toLowerCase(java.util.Locale.ROOT)).orElse(null), c.header());
      assertEquals("/", c.attribute("Path").orElse(null), c.header());
      assertFalse(c.has("Secure"), "plain http: " + c.header());
    }

    @Test
    void theSessionIsTheUserAndItsExpiry() {
      assertEquals(200, signInV4("demo").status());
      JsonNode session = browser.get("session").send().json();
      assertEquals("Demo User", session.path("user").path("name").asText());
      assertEquals("demo@example.com", session.path("user").path("email").asText());
      assertTrue(Instant.parse(session.path("expires").asText()).isAfter(Instant.now()), session.toString());
    }

    @Test
    void aRightPasswordAnswersTheCallbackUrl() {
      KitResponse r = signInV4("demo");
      assertEquals(200, r.status());
      assertEquals(browser.origin(), r.url());
    }

    @Test
    void aWrongPasswordIs401WithTheErrorPageUrl() {
      KitResponse r = signInV4("wrong");
      assertEquals(401, r.status());
      assertEquals(browser.url("error") + "?error=CredentialsSignin&provider=credentials", r.url());
    }

    @Test
    void aWrongPasswordWithoutJsonRedirectsToTheErrorPage() {
      KitResponse r = browser.post("callback/credentials").form(Map.of("csrfToken", browser.csrfToken(),
          "username", "demo", "password", "wrong")).send();
      assertEquals(302, r.status());
      assertEquals(browser.url("error") + "?error=CredentialsSignin&provider=credentials", r.header("Location").orElse(null));
    }

    @Test
    void aRefusalWithAReasonIs401WithTheReasonAsTheError() {
      KitResponse r = signInV4(browser, "locked", "x");
      assertEquals(401, r.status());
      assertEquals(browser.url("error") + "?error=account_locked", r.url());
    }

    @Test
    void theErrorPageForwardsSignInErrors() {
      KitResponse r = browser.get("error?error=CredentialsSignin").send();
      assertEquals(302, r.status());
      assertEquals(browser.url("signin") + "?error=CredentialsSignin", r.header("Location").orElse(null));
    }

    @Test
    void aMissingCsrfTokenRedirectsWithCsrfTrue() {
      KitResponse r = browser.post("callback/credentials").form(Map.of("username", "demo", "json", "true")).send();
      assertEquals(browser.url("signin") + "?csrf=true", r.url());
    }

    @Test
    void signOutWithoutCsrfRedirectsToSignOutWithCsrfTrue() {
      KitResponse r = browser.post("signout").form(Map.of("json", "true")).send();
      assertEquals(browser.url("signout") + "?csrf=true", r.url());
    }

    @Test
    void signOutClearsTheSessionCookieAndEndsTheSession() {
      signInV4("demo");
      KitResponse r = signOutV4();
      assertEquals(200, r.status());
      assertTrue(r.setCookie(SESSION_COOKIE).orElseThrow().isDeletion(), r.headers("Set-Cookie").toString());
      assertEquals("{}", browser.get("session").send().body());
    }

    @Test
    void anUpdateIsInTheAnswerAndTheNextRead() {
      assumeJwtSessions();
      assertEquals(200, signInV4("demo").status());
      KitResponse r = browser.post("session").body("application/json",
          "{\"csrfToken\":\"" + browser.csrfToken() + "\",\"data\":{\"name\":\"V4\"}}").send();
      // NextAuth v4 builds the answer from the token its jwt callback changed in place.
      assertEquals("V4", r.json().path("user").path("name").asText());
      assertTrue(r.setCookie(SESSION_COOKIE).isPresent(), "the updated token is written back");
      assertEquals("V4", browser.get("session").send().json().path("user").path("name").asText());
    }

    @Test
    void anUpdateWithoutDataAnswersTheSessionAsItIs() {
      assertEquals(200, signInV4("demo").status());
      KitResponse r = browser.post("session").body("application/json",
          "{\"csrfToken\":\"" + browser.csrfToken() + "\"}").send();
      assertEquals(200, r.status());
      assertEquals("Demo User", r.json().path("user").path("name").asText());
    }

    @Test
    void aFailedUpdateIs400EmptyObject() {
      KitResponse r = browser.post("session").body("application/json", "{\"data\":{}}").send();
      assertEquals(400, r.status());
      assertEquals("{}", r.body());
    }
  }

  @Nested
  @DisplayName("§12 v4 session tokens (A256GCM) interoperate through the shared secret")
  public class V4TokenInterop extends V4Section {
    @Override
    protected boolean needsJwtSessions() {
      return true;
    }

    /** NextAuth v4 derives the session token's key with an empty salt, whatever the cookie is called. */
    private final JwtCodec v4 = new JwtCodec(List.of(KitConfigs.SECRET), JweFormat.V4, Clock.systemUTC(), List.of(""));
    private final JwtCodec v5 = new JwtCodec(List.of(KitConfigs.SECRET), JweFormat.V5, Clock.systemUTC(),
        List.of(SESSION_COOKIE));

    private static JwtClaims kitUser() {
      return JwtClaims.of(Map.of("name", "Kit User", "email", "kit@example.com", "sub", "42"));
    }

    @Test
    void aV4TokenMadeElsewhereWithTheSharedSecretIsASession() {
      browser.cookies().put(SESSION_COOKIE, v4.encode(kitUser(), Duration.ofHours(1), ""));
      JsonNode user = browser.get("session").send().json().path("user");
      assertEquals("Kit User", user.path("name").asText(), "the session of a v4 token made by the kit");
      assertEquals("kit@example.com", user.path("email").asText());
    }

    @Test
    void theServersTokenIsA256GcmWithoutKeyIdAndReadableElsewhere() {
      signInV4("demo");
      String token = browser.cookies().get(SESSION_COOKIE);
      String header = new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))), StandardCharsets.UTF_8);
      assertTrue(header.contains("\"enc\":\"A256GCM\"") && header.contains("\"alg\":\"dir\""), header);
      assertFalse(header.contains("\"kid\""), header);
      JwtClaims claims = v4.decode(token, "").orElseThrow(() ->
          new AssertionError("the session cookie does not decrypt as a v4 token with the shared secret"));
      assertEquals("Demo User", claims.name());
      assertEquals("1", claims.sub());
    }

    @Test
    void aV5TokenUnderTheV4NameIsNoSession() {
      browser.cookies().put(SESSION_COOKIE, v5.encode(kitUser(), Duration.ofHours(1), SESSION_COOKIE));
      assertEquals("{}", browser.get("session").send().body());
    }

    @Test
    void aV5SessionCookieIsNoSession() {
      JwtCodec authjs = new JwtCodec(List.of(KitConfigs.SECRET), JweFormat.V5, Clock.systemUTC(), List.of());
      browser.cookies().put("authjs.session-token", authjs.encode(kitUser(), Duration.ofHours(1), "authjs.session-token"));
      assertEquals("{}", browser.get("session").send().body());
    }

    @Test
    void aV4TokenOfAnotherSecretIsNoSession() {
      JwtCodec other = new JwtCodec(List.of("another-secret-another-secret-0123456789"), JweFormat.V4, Clock.systemUTC(), List.of());
      browser.cookies().put(SESSION_COOKIE, other.encode(kitUser(), Duration.ofHours(1), ""));
      assertEquals("{}", browser.get("session").send().body());
    }
  }

  @Nested
  @DisplayName("§12 v4 session cookie chunking")
  public class V4Chunking extends V4Section {
    @Override
    protected boolean needsJwtSessions() {
      return true;
    }

    @Test
    void aLargeTokenIsSplitIntoNumberedChunksUnderTheBrowserLimit() {
      KitResponse r = signInV4(browser, "big", "demo");
      assertTrue(r.setCookie(SESSION_COOKIE + ".0").isPresent() && r.setCookie(SESSION_COOKIE + ".1").isPresent(),
          r.headers("Set-Cookie").toString());
      r.setCookies().forEach(c -> assertTrue(c.header().length() <= 4096, c.name()));
    }

    @Test
    void theChunksAreReadBackAsOneSession() {
      signInV4(browser, "big", "demo");
      assertEquals("Big User", browser.get("session").send().json().path("user").path("name").asText());
    }

    @Test
    void signOutClearsEveryChunk() {
      signInV4(browser, "big", "demo");
      KitResponse r = signOutV4();
      assertTrue(r.setCookie(SESSION_COOKIE + ".0").orElseThrow().isDeletion());
      assertTrue(r.setCookie(SESSION_COOKIE + ".1").orElseThrow().isDeletion());
    }
  }

  @Nested
  @DisplayName("§12 v4 cookies over https behind a trusted proxy")
  public class V4SecureCookies extends V4Section {
    @Override
    protected AuthConfigBuilder configuration() {
      return super.configuration().trustHost(true);
    }

    @Override
    protected boolean needsOwnConfiguration() {
      return true;
    }

    private KitResponse overHttps(String path) {
      return browser.get(path).header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "auth.example.com").send();
    }

    @Test
    void theCsrfCookieIsHostPrefixedAndTheCallbackUrlSecurePrefixed() {
      KitResponse r = overHttps("csrf");
      assertTrue(r.setCookie("__Host-next-auth.csrf-token").orElseThrow().has("Secure"), r.headers("Set-Cookie").toString());
      assertEquals("https://auth.example.com", r.setCookie("__Secure-next-auth.callback-url").orElseThrow().value());
    }

    @Test
    void theSessionCookieIsSecurePrefixed() {
      String token = overHttps("csrf").json().path("csrfToken").asText();
      KitResponse r = browser.post("callback/credentials").header("X-Forwarded-Proto", "https")
          .header("X-Forwarded-Host", "auth.example.com")
          .form(Map.of("csrfToken", token, "username", "demo", "password", "demo", "json", "true")).send();
      assertTrue(r.setCookie("__Secure-" + SESSION_COOKIE).orElseThrow().has("Secure"), r.headers("Set-Cookie").toString());
    }
  }
}
