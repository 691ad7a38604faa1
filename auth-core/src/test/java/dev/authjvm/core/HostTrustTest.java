package dev.authjvm.core;

import static dev.authjvm.core.TestBrowser.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authjvm.core.config.AuthConfigBuilder;
import dev.authjvm.core.error.ConfigurationException;
import dev.authjvm.core.spi.Environment;
import dev.authjvm.core.config.SessionStrategy;
import dev.authjvm.core.http.AuthRequest;
import dev.authjvm.core.http.AuthResponse;
import dev.authjvm.core.http.HttpHeaders;
import dev.authjvm.core.internal.codec.UriComponent;
import dev.authjvm.core.provider.EmailLinkProvider;
import dev.authjvm.core.provider.VerificationRequest;
import dev.authjvm.core.store.InMemoryAuthStore;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * No URL that leaves the server is built on a host the server does not trust: an attacker who makes
 * the server email a link for {@code Host: attacker.example} would receive the victim's sign-in token.
 */
class HostTrustTest {
  /** The links an email provider was asked to send: what a victim would receive. */
  final List<String> mailedLinks = new ArrayList<>();

  private AuthConfigBuilder withEmail() {
    return AuthFixtures.builder().provider(new LinkMailer(mailedLinks)).store(new InMemoryAuthStore())
        .sessionStrategy(SessionStrategy.JWT);
  }

  /** A request for a host of the attacker's choosing, with the cookies of a browser that fetched a CSRF token there. */
  private static AuthResponse requestLinkVia(Auth auth, String host, String... headers) {
    AuthResponse csrf = auth.handle(request(host, "GET", "/api/auth/csrf", null, "", headers));
    if (csrf.status() != 200) {
      return csrf;
    }
    String token = (String) json(csrf).get("csrfToken");
    String cookie = csrf.cookies().stream().filter(c -> c.name().endsWith("csrf-token")).findFirst().orElseThrow()
        .toHeaderValue().split(";")[0];
    return auth.handle(request(host, "POST", "/api/auth/signin/email", "csrfToken=" + token + "&email=victim%40example.com",
        cookie, headers));
  }

  private static AuthRequest request(String host, String method, String path, String form, String cookie, String... headers) {
    HttpHeaders.Builder h = HttpHeaders.builder().add("Content-Type", "application/x-www-form-urlencoded")
        .add("X-Auth-Return-Redirect", "1");
    if (!cookie.isEmpty()) {
      h.add("Cookie", cookie);
    }
    for (int i = 0; i < headers.length; i += 2) {
      h.add(headers[i], headers[i + 1]);
    }
    return new AuthRequest(method, "http", host, path, null, h.build(),
        form == null ? null : form.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void anEmailLinkAskedForWithAForgedHostIsRefusedAndNothingIsSent() {
    AuthResponse r = requestLinkVia(Auth.create(withEmail().build()), "attacker.example");
    assertEquals(400, r.status());
    assertEquals("UntrustedHost", json(r).get("error"));
    assertEquals(List.of(), mailedLinks);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/api/auth/providers", "/api/auth/signin", "/api/auth/session", "/api/auth/error"})
  void everyEndpointRefusesAForgedHost(String path) {
    AuthResponse r = Auth.create(AuthFixtures.builder().build()).handle(request("attacker.example", "GET", path, null, ""));
    assertEquals(400, r.status());
    assertFalse(r.bodyText().contains("attacker.example"), r.bodyText());
  }

  @ParameterizedTest
  @ValueSource(strings = {"localhost", "localhost:8080", "127.0.0.1:9000", "[::1]:8080"})
  void loopbackHostsAreTrustedOutOfTheBox(String host) {
    AuthResponse r = requestLinkVia(Auth.create(withEmail().build()), host);
    assertEquals(200, r.status(), r.bodyText());
    assertTrue(mailedLinks.get(0).startsWith("http://" + host + "/api/auth/callback/email?"), mailedLinks.toString());
  }

  @Test
  void withAuthUrlTheLinkIsOnItsOriginWhateverTheHostSays() {
    AuthResponse r = requestLinkVia(Auth.create(withEmail().url("https://app.example.com").build()), "attacker.example");
    assertEquals(200, r.status(), r.bodyText());
    assertTrue(mailedLinks.get(0).startsWith("https://app.example.com/api/auth/callback/email?"), mailedLinks.toString());
  }

  @Test
  void anAllowedHostIsTrustedAndAnotherIsNot() {
    Auth auth = Auth.create(withEmail().allowedHosts("app.example.com", "*.tenants.example.com:8443").build());
    assertEquals(200, requestLinkVia(auth, "app.example.com").status());
    assertEquals(200, requestLinkVia(auth, "acme.tenants.example.com:8443").status());
    assertEquals(400, requestLinkVia(auth, "tenants.example.com:8443").status());
    assertEquals(400, requestLinkVia(auth, "acme.tenants.example.com:9443").status());
    assertEquals(400, requestLinkVia(auth, "app.example.com.attacker.example").status());
    assertEquals(2, mailedLinks.size());
  }

  @Test
  void theAllowListComesFromTheEnvironment() {
    Auth auth = Auth.create(withEmail().environment(Environment.of(Map.of("AUTH_ALLOWED_HOSTS", " app.example.com , www.example.com")))
        .build());
    assertEquals(200, requestLinkVia(auth, "www.example.com").status());
    assertEquals(400, requestLinkVia(auth, "attacker.example").status());
  }

  @Test
  void anAllowListEntryThatIsNotAHostFailsAtStartUpNamingTheSetting() {
    var e = assertThrows(ConfigurationException.class, () -> AuthFixtures.builder().allowedHosts("https://app.example.com/").build());
    assertTrue(e.getMessage().startsWith("AUTH_ALLOWED_HOSTS"), e.getMessage());
  }

  @Test
  void aForwardedHostIsIgnoredWithoutTrustHost() {
    AuthResponse r = requestLinkVia(Auth.create(withEmail().build()), "localhost:8080", "X-Forwarded-Host", "attacker.example");
    assertEquals(200, r.status());
    assertTrue(mailedLinks.get(0).startsWith("http://localhost:8080/"), mailedLinks.toString());
  }

  @Test
  void behindATrustedProxyTheRightMostForwardedHostIsUsedNotTheOneTheClientSent() {
    // The client sent "attacker.example"; the proxy appended the host it was asked for.
    AuthResponse r = requestLinkVia(Auth.create(withEmail().trustHost(true).build()), "10.0.0.5:8080",
        "X-Forwarded-Host", "attacker.example, app.example.com", "X-Forwarded-Proto", "http, https");
    assertEquals(200, r.status(), r.bodyText());
    assertTrue(mailedLinks.get(0).startsWith("https://app.example.com/api/auth/callback/email?"), mailedLinks.toString());
  }

  @Test
  void behindATrustedProxyTheRightMostOfSeveralForwardedHostFieldsIsUsed() {
    AuthResponse r = requestLinkVia(Auth.create(withEmail().trustHost(true).build()), "10.0.0.5:8080",
        "X-Forwarded-Host", "attacker.example", "X-Forwarded-Host", "app.example.com");
    assertEquals(200, r.status(), r.bodyText());
    assertTrue(mailedLinks.get(0).startsWith("http://app.example.com/"), mailedLinks.toString());
  }

  @Test
  void withTrustHostAndAnAllowListTheForwardedHostMustBeListed() {
    Auth auth = Auth.create(withEmail().trustHost(true).allowedHosts("app.example.com").build());
    assertEquals(200, requestLinkVia(auth, "10.0.0.5", "X-Forwarded-Host", "app.example.com").status());
    assertEquals(400, requestLinkVia(auth, "10.0.0.5", "X-Forwarded-Host", "attacker.example").status());
  }

  @Test
  void aRequestThatNamesNoHostIsRefusedUnlessAuthUrlIsSet() {
    AuthRequest noHost = new AuthRequest("GET", "http", null, "/api/auth/providers", null, HttpHeaders.empty(), null);
    assertEquals(400, Auth.create(AuthFixtures.builder().build()).handle(noHost).status());
    assertEquals(200, Auth.create(AuthFixtures.builder().url("https://app.example.com").build()).handle(noHost).status());
  }

  @Test
  void theHostIsTakenFromTheHostHeaderWhenTheAdapterPassesNone() {
    AuthRequest request = new AuthRequest("GET", "http", null, "/api/auth/providers", null,
        HttpHeaders.builder().add("Host", "localhost:8080").build(), null);
    assertTrue(Auth.create(AuthFixtures.builder().build()).handle(request).bodyText()
        .contains("http://localhost:8080/api/auth/signin/credentials"));
  }

  @Test
  void theServerApiStillReadsASessionOnAnUntrustedHost() {
    Auth auth = Auth.create(AuthFixtures.builder().build());
    TestBrowser browser = new TestBrowser(auth, "http://localhost");
    browser.signIn("demo", "demo");
    AuthRequest elsewhere = new AuthRequest("GET", "http", "internal-name:8080", "/account", null,
        HttpHeaders.builder().add("Cookie", "authjs.session-token=" + UriComponent.encode(browser.cookies.get("authjs.session-token"))).build(), null);
    assertEquals("Demo User", auth.session(elsewhere).orElseThrow().user().name());
  }

  @Test
  void theSessionGuardDoesNotRedirectToAnUntrustedHost() {
    Auth auth = Auth.create(AuthFixtures.builder().build());
    Auth.SessionAccess access = auth.requireSession(new AuthRequest("GET", "http", "attacker.example", "/account", null,
        HttpHeaders.builder().add("Accept", "text/html").build(), null));
    AuthResponse denied = ((Auth.SessionAccess.Denied) access).response();
    assertEquals(400, denied.status());
    assertTrue(denied.header("Location").isEmpty());
  }

  /** Records the link it would mail; the real email provider is tested in providers/email. */
  record LinkMailer(List<String> links) implements EmailLinkProvider {
    @Override public String id() { return "email"; }
    @Override public String name() { return "Email"; }

    @Override
    public void sendVerificationRequest(VerificationRequest request) {
      links.add(request.url());
    }
  }
}
