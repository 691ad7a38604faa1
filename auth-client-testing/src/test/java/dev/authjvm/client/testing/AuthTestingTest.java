package dev.authjvm.client.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authjvm.client.AuthClient;
import dev.authjvm.client.ClientCookie;
import dev.authjvm.conformance.KitConfigs;
import dev.authjvm.core.callback.Callbacks;
import dev.authjvm.core.config.AuthConfig;
import dev.authjvm.core.config.SessionStrategy;
import dev.authjvm.core.store.InMemoryAuthStore;
import dev.authjvm.core.user.User;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The helpers give a test a signed-in user for the application's own pages, on any server: they make
 * cookies, not servers. Here on Undertow and Javalin, over http and https.
 */
class AuthTestingTest {
  private static final AuthConfig CONFIG = KitConfigs.standard();
  private static final User ALICE = User.of("7", "Alice", "alice@example.com");
  private static final Map<String, String> DEMO = Map.of("username", "demo", "password", "demo");
  private static SelfSignedTls tls;

  @BeforeAll
  static void makeACertificate() throws Exception {
    tls = SelfSignedTls.create();
  }

  /** {@code GET /me} of the application, sent by a plain HTTP client with a {@code Cookie} header. */
  private static HttpResponse<String> me(String origin, String cookieHeader, HttpClient http) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(origin + "/me"));
    if (!cookieHeader.isEmpty()) {
      request.header("Cookie", cookieHeader);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void withoutACookieTheApplicationsPageSeesNoUser() throws Exception {
    try (OurApp app = OurApp.undertow(CONFIG, null)) {
      assertEquals(401, me(app.origin(), "", HttpClient.newHttpClient()).statusCode());
    }
  }

  @Test
  void mintedCookiesSignTheUserInOnAnUndertowApplication() throws Exception {
    try (OurApp app = OurApp.undertow(CONFIG, null)) {
      String cookie = AuthTesting.mintSessionCookies(CONFIG, ALICE, false).cookieHeader();
      assertEquals("Alice", me(app.origin(), cookie, HttpClient.newHttpClient()).body());
    }
  }

  @Test
  void mintedCookiesSignTheUserInOnAJavalinApplication() throws Exception {
    try (OurApp app = OurApp.javalin(CONFIG)) {
      String cookie = AuthTesting.mintSessionCookies(CONFIG, ALICE, false).cookieHeader();
      assertEquals("Alice", me(app.origin(), cookie, HttpClient.newHttpClient()).body());
    }
  }

  @Test
  void aSignedInClientsCookiesOpenTheApplicationsPages() throws Exception {
    try (OurApp app = OurApp.javalin(CONFIG);
         AuthClient demo = AuthTesting.signedIn(app.baseUrl(), DEMO)) {
      String cookie = demo.cookieHeader(URI.create(app.origin() + "/me"));
      assertEquals("Demo User", me(app.origin(), cookie, HttpClient.newHttpClient()).body());
    }
  }

  @Test
  void overHttpsASignInGetsHostAndSecurePrefixedCookiesAndKeepsTheSession() throws Exception {
    try (OurApp app = OurApp.undertow(CONFIG, tls.server);
         AuthClient demo = AuthTesting.signedIn(AuthClient.builder().baseUrl(app.baseUrl()).sslContext(tls.client),
             "credentials", DEMO)) {
      List<String> names = demo.cookies().stream().map(ClientCookie::name).toList();
      assertTrue(names.containsAll(List.of("__Host-authjs.csrf-token", "__Secure-authjs.session-token")), names.toString());
      assertTrue(demo.cookies().stream().allMatch(ClientCookie::secure), demo.cookies().toString());
      assertEquals("Demo User", demo.session().orElseThrow().user().name());
      assertEquals("", demo.cookieHeader(URI.create(app.origin().replace("https:", "http:") + "/me")),
          "secure cookies are not sent over plain http");
    }
  }

  @Test
  void overHttpsAMintedCookieIsSecurePrefixedAndSignsIn() throws Exception {
    SessionCookies cookies = AuthTesting.mintSessionCookies(CONFIG, ALICE, true);
    assertEquals(List.of("__Secure-authjs.session-token"), List.copyOf(cookies.cookies().keySet()));
    try (OurApp app = OurApp.undertow(CONFIG, tls.server)) {
      HttpClient https = HttpClient.newBuilder().sslContext(tls.client).build();
      assertEquals("Alice", me(app.origin(), cookies.cookieHeader(), https).body());
    }
  }

  @Test
  void aClientWithAMintedSessionSeesTheUser() {
    try (OurApp app = OurApp.undertow(CONFIG, null);
         AuthClient alice = AuthTesting.withMintedSession(app.baseUrl(), CONFIG, ALICE)) {
      assertEquals("alice@example.com", alice.session().orElseThrow().user().email());
    }
  }

  @Test
  void aCookieMintedWithAnotherSecretIsNoSession() throws Exception {
    AuthConfig other = KitConfigs.builder().secret("another-secret-of-at-least-32-characters!").build();
    try (OurApp app = OurApp.undertow(CONFIG, null)) {
      String cookie = AuthTesting.mintSessionCookies(other, ALICE, false).cookieHeader();
      assertEquals(401, me(app.origin(), cookie, HttpClient.newHttpClient()).statusCode());
    }
  }

  @Test
  void databaseSessionsCannotBeMintedAndTheMessageSaysWhatToDo() {
    AuthConfig database = KitConfigs.builder().store(new InMemoryAuthStore())
        .sessionStrategy(SessionStrategy.DATABASE).credentialsDatabaseSessions(true).build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> AuthTesting.mintSessionCookies(database, ALICE, false));
    assertTrue(e.getMessage().contains("only for JWT sessions") && e.getMessage().contains("AuthTesting.signedIn"), e.getMessage());
  }

  @Test
  void aJwtCallbackThatRefusesTheUserRefusesTheMint() {
    AuthConfig refusing = KitConfigs.builder().callbacks(Callbacks.DEFAULTS.withJwt(p -> null)).build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> AuthTesting.mintSessionCookies(refusing, ALICE, false));
    assertTrue(e.getMessage().contains("jwt callback refused"), e.getMessage());
  }
}
