package dev.authjvm.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authjvm.conformance.http.KitClient;
import dev.authjvm.conformance.http.KitResponse;
import dev.authjvm.core.config.AuthConfigBuilder;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Attacks on what the server writes out: links on a host the attacker chose, headers split by
 * characters a server writes as single bytes, echoed values too large for a header, cached or framed
 * pages, and tokens and bodies that make parsers throw.
 */
public abstract class HardeningChecks extends OAuthChecks {
  static final String ATTACKER_HOST = "attacker.example";

  static String path(KitClient browser, String action) {
    return URI.create(browser.url(action)).getRawPath();
  }

  static String form(Map<String, String> fields) {
    StringBuilder sb = new StringBuilder();
    fields.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
        .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return sb.toString();
  }

  /** A form POST over a plain socket, with this browser's cookies and the given {@code Host}. */
  static KitResponse.Raw rawPost(KitClient browser, String action, String host, Map<String, String> fields) {
    String body = form(fields);
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/x-www-form-urlencoded");
    headers.put("Content-Length", String.valueOf(body.getBytes(StandardCharsets.UTF_8).length));
    headers.put("Cookie", browser.cookieHeader());
    return browser.raw("POST", path(browser, action), host, headers, body);
  }

  @Nested
  @DisplayName("Hardening: a Host the server does not trust builds no URL")
  public class HostTrust extends Section {
    @ParameterizedTest(name = "GET {0}")
    @ValueSource(strings = {"signin", "providers", "signout", "error?error=Verification"})
    @Deviation("@auth/express 0.12.3 builds its pages' and /providers' URLs on the request's Host even with AUTH_URL set")
    void aForgedHostNeverAppearsInAnAnswer(String action) {
      KitResponse.Raw r = browser.raw("GET", path(browser, action.replaceAll("\\?.*", ""))
          + (action.contains("?") ? action.substring(action.indexOf('?')) : ""), ATTACKER_HOST, Map.of(), "");
      assertClean(r.status(), r.body());
      assertFalse(r.body().contains(ATTACKER_HOST) || r.head().contains(ATTACKER_HOST), r.head() + r.body());
    }

    @Test
    void aForwardedHostIsNotBelievedWithoutTrustHost() {
      KitResponse r = browser.get("providers").header("X-Forwarded-Host", ATTACKER_HOST).send();
      assertEquals(200, r.status());
      assertFalse(r.body().contains(ATTACKER_HOST), r.body());
    }

    @Test
    @Deviation("Auth.js with AUTH_URL set ignores the Host header instead of refusing it")
    void aForgedHostIsRefusedWith400UntrustedHost() {
      KitResponse.Raw r = browser.raw("GET", path(browser, "csrf"), ATTACKER_HOST, Map.of(), "");
      assertEquals(400, r.status(), r.body());
      assertTrue(r.body().contains("\"UntrustedHost\""), r.body());
    }
  }

  @Nested
  @DisplayName("Hardening: behind a trusted proxy, the proxy's own X-Forwarded-Host")
  public class TrustedProxy extends Section {
    @Override
    protected boolean needsOwnConfiguration() {
      return true;
    }

    @Override
    protected AuthConfigBuilder configuration() {
      return KitConfigs.builder().trustHost(true);
    }

    @Test
    void theRightMostForwardedHostIsUsedNotTheOneTheClientSent() {
      KitResponse r = browser.get("providers").header("X-Forwarded-Host", ATTACKER_HOST + ", app.example.com").send();
      assertEquals("http://app.example.com" + path(browser, "signin/credentials"),
          r.json().path("credentials").path("signinUrl").asText());
    }
  }

  @Nested
  @DisplayName("Hardening: no email link for a forged Host")
  public class EmailHostTrust extends Section {
    @Override
    protected boolean needsOwnConfiguration() {
      return true;
    }

    @Override
    protected AuthConfigBuilder configuration() {
      return withKitMail();
    }

    @Test
    void aLinkRequestedWithAForgedHostIsRefusedAndNoMailIsSent() {
      String victim = newAddress();
      KitResponse.Raw r = rawPost(browser, "signin/email", ATTACKER_HOST,
          Map.of("csrfToken", browser.csrfToken(), "email", victim));
      assertEquals(400, r.status(), r.body());
      assertTrue(r.body().contains("\"UntrustedHost\""), r.body());
      // Sending is part of the request, so a message would have arrived before the answer did.
      assertEquals(0, KitMail.messagesTo(victim));
    }
  }

  @Nested
  @DisplayName("Hardening: header values the server writes")
  public class HeaderSafety extends Section {
    /** U+010D U+010A: a server that writes a char as one byte would send CR LF and start a new header. */
    private KitResponse.Raw signInWithNonAsciiCallbackUrl() {
      Map<String, String> fields = new LinkedHashMap<>(SecurityChecks.credentials(browser.csrfToken(), "demo", "demo"));
      fields.put("callbackUrl", "/\u010d\u010aSet-Cookie: injected=1");
      return rawPost(browser, "callback/credentials", URI.create(browser.origin()).getRawAuthority(), fields);
    }

    @Test
    void nonAsciiInACallbackUrlSplitsNoHeader() {
      KitResponse.Raw r = signInWithNonAsciiCallbackUrl();
      assertEquals(302, r.status(), r.head());
      assertTrue(r.head().chars().allMatch(c -> c == '\r' || c == '\n' || c >= 0x20 && c <= 0x7e), r.head());
      assertTrue(r.headers("Set-Cookie").stream().noneMatch(c -> c.startsWith("injected")), r.head());
    }

    @Test
    @Deviation("Auth.js 0.41.3 sends a callbackUrl with non-ASCII characters to error=Configuration")
    void nonAsciiInACallbackUrlIsFollowedPercentEncoded() {
      String location = signInWithNonAsciiCallbackUrl().headers("Location").get(0);
      assertTrue(location.endsWith("/%C4%8D%C4%8ASet-Cookie:%20injected=1"), location);
    }

    @Test
    @Deviation("Auth.js echoes any callbackUrl into its callback-url cookie")
    void aCallbackUrlOf17000CharactersIsNotEchoedIntoACookie() {
      KitResponse.Raw r = browser.raw("GET", path(browser, "session") + "?callbackUrl=%2F" + "a".repeat(17_000),
          URI.create(browser.origin()).getRawAuthority(), Map.of(), "");
      assertEquals(200, r.status(), r.head());
      assertTrue(r.headers("Set-Cookie").stream().allMatch(c -> c.length() < 4096), r.head());
    }
  }

  @Nested
  @DisplayName("Hardening: pages and tokens are not framed, cached or leaked")
  public class SecurityHeaders extends Section {
    @Test
    @Deviation("Auth.js sets no framing, sniffing, referrer or caching headers on its pages")
    void theSignInPageMayNotBeFramedCachedSniffedOrLeakItsUrl() {
      KitResponse r = browser.get("signin").send();
      assertEquals("DENY", r.header("X-Frame-Options").orElse(null));
      assertTrue(r.header("Content-Security-Policy").orElse("").contains("frame-ancestors 'none'"), r.headers("Content-Security-Policy").toString());
      assertEquals("nosniff", r.header("X-Content-Type-Options").orElse(null));
      assertEquals("no-referrer", r.header("Referrer-Policy").orElse(null));
      assertTrue(r.header("Cache-Control").orElse("").contains("no-store"), r.header("Cache-Control").orElse(""));
    }

    @Test
    void theCsrfTokenIsNotCached() {
      assertTrue(browser.get("csrf").send().header("Cache-Control").orElse("").contains("no-store"));
    }
  }

  @Nested
  @DisplayName("Hardening: tokens and bodies that make parsers throw")
  public class ParserAbuse extends Section {
    @ParameterizedTest(name = "JWE header {0}")
    @ValueSource(strings = {"{\"alg\":\"dir\"}", "{}", "{\"alg\":\"dir\",\"enc\":7}"})
    void aSessionTokenWithAMalformedHeaderIsNoSessionAndIsCleared(String header) {
      String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(header.getBytes(StandardCharsets.UTF_8));
      KitResponse r = browser.get("session").withoutCookies()
          .header("Cookie", "authjs.session-token=" + encoded + "..AAAA.AAAA.AAAA").send();
      assertEquals(200, r.status(), r.body());
      assertEquals("null", r.body().strip());
      assertTrue(r.setCookie("authjs.session-token").map(c -> c.isDeletion()).orElse(false), r.headers("Set-Cookie").toString());
    }

    @Test
    void aBodyWithBothContentLengthAndTransferEncodingIs400() {
      browser.csrfToken();
      Map<String, String> headers = new LinkedHashMap<>();
      headers.put("Content-Type", "application/x-www-form-urlencoded");
      headers.put("Content-Length", "40");
      headers.put("Transfer-Encoding", "chunked");
      headers.put("Cookie", browser.cookieHeader());
      KitResponse.Raw r = browser.raw("POST", path(browser, "signout"), URI.create(browser.origin()).getRawAuthority(),
          headers, "zz\r\ncsrfToken=x\r\n");
      assertEquals(400, r.status(), r.head() + r.body());
      assertNoStackTrace(r.body());
    }
  }
}
