package dev.authjvm.client.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authjvm.client.AuthClient;
import dev.authjvm.client.AuthProtocol;
import dev.authjvm.client.ClientCookie;
import dev.authjvm.client.ClientProvider;
import dev.authjvm.client.Session;
import dev.authjvm.client.SignInOptions;
import dev.authjvm.client.SignInResult;
import dev.authjvm.conformance.KitConfigs;
import dev.authjvm.core.config.AuthConfig;
import dev.authjvm.core.config.ProtocolVersion;
import dev.authjvm.core.provider.ProviderType;
import dev.authjvm.core.user.User;
import dev.authjvm.providers.oauth.engine.OAuthProvider;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The client, and the test helpers, against a real server in the kit's standard configuration
 * ({@link KitConfigs}: {@code demo}/{@code demo} signs in "Demo User", {@code big} gets a token over
 * 4 KB, {@code update({name})} renames) plus an OAuth provider {@code example} on {@link #ISSUER}. The
 * same checks run against our server and against the official Auth.js v5 and NextAuth.js v4 servers, so
 * what passes here is what the official clients see.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ClientSuite {
  /** The OAuth provider's issuer: never contacted, a sign-in only builds its authorization URL. */
  static final String ISSUER = "https://idp.example.test";
  private static final Map<String, String> DEMO = Map.of("username", "demo", "password", "demo");
  private final List<AuthClient> clients = new CopyOnWriteArrayList<>();

  /** Our server's configuration for this suite: the kit's standard one plus the OAuth provider {@code example}. */
  static AuthConfig ourConfig(ProtocolVersion protocol) {
    return KitConfigs.builder().protocol(protocol).provider(OAuthProvider.builder().id("example").name("Example")
        .type(ProviderType.OAUTH).authorizationEndpoint(ISSUER + "/authorize").tokenEndpoint(ISSUER + "/token")
        .userinfoEndpoint(ISSUER + "/userinfo").clientId("example-client").clientSecret("example-secret")
        .scopes("openid", "email").build()).build();
  }

  /** A started server: its API's URL, and how to stop it. */
  record Started(String baseUrl, AutoCloseable server) {}

  private final AuthProtocol protocol;
  private Started started;

  ClientSuite(AuthProtocol protocol) {
    this.protocol = protocol;
  }

  /** Starts the server under test, in the configuration described above. */
  abstract Started start() throws Exception;

  @BeforeAll
  void startTheServer() throws Exception {
    started = start();
  }

  @AfterAll
  void stopTheServer() throws Exception {
    if (started != null) {
      started.server().close();
    }
  }

  @AfterEach
  void closeClients() {
    clients.forEach(AuthClient::close);
    clients.clear();
  }

  /** The API's URL of the running server. */
  String baseUrl() {
    return started.baseUrl();
  }

  /** The protocol the server is checked in. */
  AuthProtocol protocol() {
    return protocol;
  }

  AuthClient client() {
    return track(AuthClient.builder().baseUrl(baseUrl()).protocol(protocol()).build());
  }

  AuthClient track(AuthClient client) {
    clients.add(client);
    return client;
  }

  String origin() {
    return baseUrl().substring(0, baseUrl().indexOf("/api/auth"));
  }

  /** What our core would run for this server: same secret, callbacks and protocol (for minting). */
  AuthConfig applicationConfig() {
    return KitConfigs.builder().protocol(protocol() == AuthProtocol.V4 ? ProtocolVersion.V4 : ProtocolVersion.V5).build();
  }

  private String sessionCookie() {
    return protocol().sessionCookieName(false);
  }

  private static List<String> names(AuthClient client) {
    return client.cookies().stream().map(ClientCookie::name).toList();
  }

  @Test
  void aNewClientHasNoSession() {
    AuthClient client = client();
    assertEquals(Optional.empty(), client.session());
    assertEquals(Optional.empty(), client.sessionToken());
  }

  @Test
  void theCsrfTokenStaysTheSameWhileItsCookieLives() {
    AuthClient client = client();
    String token = client.csrfToken();
    assertEquals(token, client.csrfToken());
    assertTrue(names(client).contains(protocol().csrfCookieName(false)), names(client).toString());
  }

  @Test
  void providersAreListedWithTheirTypes() {
    Map<String, ClientProvider> providers = client().providers();
    assertEquals("credentials", providers.get("credentials").type());
    assertEquals("oauth", providers.get("example").type());
    assertEquals(baseUrl() + "/callback/example", providers.get("example").callbackUrl());
  }

  @Test
  void theRightPasswordSignsIn() {
    AuthClient client = client();
    assertEquals(new SignInResult(null, null, 200, true, origin() + "/"), client.signIn("credentials", DEMO));
    Session session = client.session().orElseThrow();
    assertEquals("Demo User", session.user().name());
    assertEquals("demo@example.com", session.user().email());
    assertNotNull(session.expires());
    assertTrue(names(client).contains(sessionCookie()), names(client).toString());
  }

  @Test
  void aWrongPasswordIsReportedAsTheOfficialClientReportsIt() {
    AuthClient client = client();
    SignInResult result = client.signIn("credentials", Map.of("username", "demo", "password", "wrong"));
    assertEquals(protocol() == AuthProtocol.V5
        ? new SignInResult("CredentialsSignin", "credentials", 200, true, null)
        : new SignInResult("CredentialsSignin", null, 401, false, null), result);
    assertTrue(!result.succeeded());
    assertEquals(Optional.empty(), client.session());
  }

  @Test
  void aRefusalWithAReasonCarriesIt() {
    // v5 keeps CredentialsSignin and carries the reason as its code; v4 makes the reason the error.
    assertEquals(protocol() == AuthProtocol.V5
        ? new SignInResult("CredentialsSignin", "account_locked", 200, true, null)
        : new SignInResult("account_locked", null, 401, false, null),
        client().signIn("credentials", Map.of("username", "locked", "password", "demo")));
  }

  @Test
  void aCallbackUrlOnTheSameOriginIsKept() {
    String target = origin() + "/dashboard?tab=1";
    assertEquals(target, client().signIn("credentials", DEMO, SignInOptions.defaults().withCallbackUrl(target)).url());
  }

  @Test
  void anOAuthSignInGivesTheAuthorizationUrlToOpen() {
    AuthClient client = client();
    SignInResult result = client.signIn("example", Map.of());
    assertTrue(result.succeeded(), result.toString());
    String url = result.url();
    assertTrue(url.startsWith(ISSUER + "/authorize?"), url);
    assertTrue(url.contains("redirect_uri=" + URLEncoder.encode(baseUrl() + "/callback/example", StandardCharsets.UTF_8)), url);
    assertTrue(url.contains("state=") && url.contains("code_challenge="), url);
    String prefix = protocol() == AuthProtocol.V5 ? "authjs." : "next-auth.";
    // The check cookies the callback will need stay in this client, as in the browser that opens the URL.
    assertTrue(names(client).containsAll(List.of(prefix + "state", prefix + "pkce.code_verifier")), names(client).toString());
    assertEquals(Optional.empty(), client.session());
  }

  @Test
  void aLargeSessionTokenComesInChunks() {
    AuthClient client = client();
    assertTrue(client.signIn("credentials", Map.of("username", "big", "password", "demo")).succeeded());
    assertEquals("Big User", client.session().orElseThrow().user().name());
    assertTrue(names(client).containsAll(List.of(sessionCookie() + ".0", sessionCookie() + ".1")), names(client).toString());
    assertTrue(client.sessionToken().orElseThrow().length() > 6000);
  }

  @Test
  void signOutEndsTheSession() {
    AuthClient client = client();
    client.signIn("credentials", DEMO);
    assertNotNull(client.signOut().url());
    assertEquals(Optional.empty(), client.session());
    assertEquals(Optional.empty(), client.sessionToken());
  }

  @Test
  void updateChangesTheSession() {
    AuthClient client = client();
    client.signIn("credentials", DEMO);
    Optional<Session> answered = client.update(Map.of("name", "Renamed"));
    assertTrue(answered.isPresent());
    // NextAuth v4 answers the update with the user built before the jwt callback ran (unless the
    // callback mutates the token in place, as this JavaScript one does); the next read has the change.
    assertEquals("Renamed", client.session().orElseThrow().user().name());
  }

  @Test
  void listenersHearTheSignInAndTheSignOut() {
    AuthClient client = client();
    List<String> changes = new CopyOnWriteArrayList<>();
    client.addSessionListener((before, after) -> changes.add(before.isPresent() + " -> " + after.map(s -> s.user().name()).orElse("none")));
    client.signIn("credentials", DEMO);
    client.signOut();
    assertEquals(List.of("false -> Demo User", "true -> none"), changes);
  }

  @Test
  void aSessionCookieMintedWithTheApplicationsSecretIsASignIn() {
    AuthClient client = track(AuthTesting.withMintedSession(baseUrl(), applicationConfig(),
        User.of("1", "Demo User", "demo@example.com")));
    assertEquals("Demo User", client.session().orElseThrow().user().name());
  }

  @Test
  void aLargeMintedSessionIsChunkedAndAccepted() {
    // The application's jwt callback gives user 2 a 6000-character claim, as on an HTTP sign-in.
    SessionCookies cookies = AuthTesting.mintSessionCookies(applicationConfig(), User.of("2", "Big User", "big@example.com"), false);
    List<String> names = List.copyOf(cookies.cookies().keySet());
    assertTrue(names.size() > 1, names.toString());
    for (int i = 0; i < names.size(); i++) {
      assertEquals(sessionCookie() + "." + i, names.get(i));
    }
    AuthClient client = track(AuthTesting.withMintedSession(baseUrl(), applicationConfig(), User.of("2", "Big User", "big@example.com")));
    assertEquals("Big User", client.session().orElseThrow().user().name());
  }

  @Test
  void theSignedInHelperGivesASignedInClientInOneLine() {
    AuthClient client = track(AuthTesting.signedIn(AuthClient.builder().baseUrl(baseUrl()).protocol(protocol()), "credentials", DEMO));
    assertEquals("Demo User", client.session().orElseThrow().user().name());
  }

  @Test
  void theSignedInHelperFailsLoudlyWithTheServersError() {
    AssertionError e = assertThrows(AssertionError.class, () -> AuthTesting.signedIn(
        AuthClient.builder().baseUrl(baseUrl()).protocol(protocol()), "credentials", Map.of("username", "demo", "password", "x")));
    assertTrue(e.getMessage().contains("CredentialsSignin"), e.getMessage());
  }

  @Test
  void aSignInAfterASignOutStartsAFreshSession() {
    AuthClient client = client();
    client.signIn("credentials", Map.of("username", "big", "password", "demo"));
    client.signOut();
    client.signIn("credentials", DEMO);
    assertEquals("Demo User", client.session().orElseThrow().user().name());
    assertTrue(names(client).stream().noneMatch(n -> n.startsWith(sessionCookie() + ".")), names(client).toString());
  }
}
