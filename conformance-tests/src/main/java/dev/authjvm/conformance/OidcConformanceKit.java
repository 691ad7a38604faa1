package dev.authjvm.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.authjvm.conformance.http.KitClient;
import dev.authjvm.conformance.http.KitResponse;
import dev.authjvm.conformance.http.Urls;
import dev.authjvm.core.config.AuthConfigBuilder;
import dev.authjvm.core.config.SessionStrategy;
import dev.authjvm.core.store.InMemoryAuthStore;
import dev.authjvm.oidc.testing.ImpostorUserinfo;
import dev.authjvm.oidc.testing.UserAgent;
import dev.authjvm.providers.oauth.engine.OAuthProvider;
import dev.authjvm.providers.oauth.engine.OAuthProviderBuilder;
import dev.authjvm.providers.oauth.engine.OidcUserinfo;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * OpenID Connect through an adapter against a real OpenID Provider of your choice: it needs only the
 * provider's issuer URL and a client registration ({@link OpenIdProviderUnderTest}), and logs the test user
 * in and out there without a browser. Extend it like {@link AdapterConformanceKit} (the same two
 * obligations) and add the third:
 * <pre>{@code
 * class MyAdapterOidcTest extends OidcConformanceKit {
 *   @Override protected URI start(AuthConfig config) { ... }
 *   @Override protected void stop() { ... }
 *   @Override protected OpenIdProviderUnderTest openIdProvider() { return myProvider; }
 * }
 * }</pre>
 */
public abstract class OidcConformanceKit extends KitBase {
  /** The kit's provider: its callback {@code <baseUrl>/callback/kit-op} must be registered. */
  public static final String PROVIDER = "kit-op";
  /** The same client, reading UserInfo through an impostor that names another subject. */
  public static final String IMPOSTOR = "kit-op-impostor";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The OpenID Provider to check against, and this adapter's client there. */
  protected abstract OpenIdProviderUnderTest openIdProvider();

  /** A section whose adapter is a client of the OpenID Provider under test, with a user agent there. */
  abstract class ProviderSection extends Section {
    protected final OpenIdProviderUnderTest op = openIdProvider();
    protected UserAgent atProvider;

    @Override
    protected boolean needsOwnConfiguration() {
      return true;
    }

    protected OAuthProviderBuilder provider(String id) {
      return OAuthProvider.builder().id(id).name("Kit OP " + id).issuer(op.issuer()).clientId(op.clientId())
          .clientSecret(op.clientSecret());
    }

    @BeforeAll
    void registerTheClient() {
      if (baseUrl() != null) {
        op.adapterStarted(baseUrl());
      }
    }

    @BeforeEach
    void newUserAgentAtTheProvider() {
      atProvider = new UserAgent();
    }

    KitResponse start(String provider, String query) {
      return browser.post("signin/" + provider + query)
          .form(Map.of("csrfToken", browser.csrfToken(), "callbackUrl", browser.origin() + "/welcome")).send();
    }

    /** Sign-in, the user at the provider, and the callback; returns the callback's answer. */
    KitResponse signIn(String provider, String query) {
      URI back = op.login().authorize(atProvider, URI.create(start(provider, query).header("Location").orElseThrow()));
      String callback = back.toString();
      assertTrue(callback.startsWith(browser.url("callback/" + provider)), "the provider sent the browser to " + callback);
      return browser.get(callback.substring(callback.indexOf("/callback/") + 1)).send();
    }

    JsonNode discovery() {
      try {
        return JSON.readTree(atProvider.get(URI.create(op.issuer().replaceAll("/$", "")
            + "/.well-known/openid-configuration")).body());
      } catch (IOException e) {
        throw new AssertionError("the provider's discovery document is not JSON", e);
      }
    }
  }

  @Nested
  @DisplayName("§7.1 OpenID Connect against a real OpenID Provider: code flow, UserInfo, RP-initiated logout")
  public class OidcSignIn extends ProviderSection {
    private final ImpostorUserinfo impostor = new ImpostorUserinfo(op.issuer(), "another-subject-than-the-id-tokens");

    @Override
    protected AuthConfigBuilder configuration() {
      return KitConfigs.builder().federatedSignOut(true).provider(provider(PROVIDER).build())
          .provider(provider(IMPOSTOR).userinfoEndpoint(impostor.url()).userinfoForOidc(OidcUserinfo.ALWAYS).build());
    }

    @AfterAll
    void stopTheImpostor() {
      impostor.close();
    }

    KitResponse signOut() {
      return browser.post("signout").form(Map.of("csrfToken", browser.csrfToken(), "callbackUrl",
          OpenIdProviderUnderTest.postLogoutRedirectUri(URI.create(browser.url(""))))).send();
    }

    void assertSignedInAsTheTestUser(KitResponse callback) {
      assertEquals(browser.origin() + "/welcome", callback.header("Location").orElse(null), callback.body());
      JsonNode user = browser.get("session").send().json().path("user");
      assertEquals(op.userName(), user.path("name").asText(), user.toString());
      assertEquals(op.userEmail(), user.path("email").asText(), user.toString());
    }

    void assertRejected(KitResponse callback) {
      assertEquals(browser.url("signin") + "?error=OAuthCallbackError", callback.header("Location").orElse(null));
      assertEquals("null", browser.get("session").send().body(), "no session");
    }

    @Test
    void signInSendsTheBrowserToTheDiscoveredAuthorizationEndpointWithPkceStateAndNonce() {
      String location = start(PROVIDER, "").header("Location").orElseThrow();
      assertTrue(location.startsWith(discovery().path("authorization_endpoint").asText() + "?"), location);
      Map<String, String> q = Urls.query(location);
      assertEquals("code", q.get("response_type"));
      assertEquals(op.clientId(), q.get("client_id"));
      assertEquals(browser.url("callback/" + PROVIDER), q.get("redirect_uri"));
      assertEquals("S256", q.get("code_challenge_method"));
      assertTrue(q.get("scope").contains("openid") && q.containsKey("state") && q.containsKey("nonce"), q.toString());
    }

    @Test
    void theCodeFlowEndsWithASessionShowingTheUsersNameAndEmail() {
      assertSignedInAsTheTestUser(signIn(PROVIDER, ""));
    }

    @Test
    void aSilentSignInSucceedsWhileTheProvidersSessionLasts() {
      signIn(PROVIDER, "");
      browser.cookies().clear();
      assertSignedInAsTheTestUser(signIn(PROVIDER, "?prompt=none"));
    }

    @Test
    void signOutGoesThroughTheEndSessionEndpointWithTheIdTokenHintAndTheClientId() {
      signIn(PROVIDER, "");
      String location = signOut().header("Location").orElseThrow();
      assertTrue(location.startsWith(discovery().path("end_session_endpoint").asText() + "?"), location);
      Map<String, String> q = Urls.query(location);
      assertTrue(q.containsKey("id_token_hint"), q.toString());
      assertEquals(op.clientId(), q.get("client_id"));
      assertEquals(OpenIdProviderUnderTest.postLogoutRedirectUri(URI.create(browser.url(""))),
          q.get("post_logout_redirect_uri"));
      assertEquals("null", browser.get("session").send().body(), "the session here is over");
    }

    @Test
    void afterSignOutAtTheProviderItsSessionNoLongerSignsInSilently() {
      signIn(PROVIDER, "");
      URI back = op.login().endSession(atProvider, URI.create(signOut().header("Location").orElseThrow()));
      assertEquals(OpenIdProviderUnderTest.postLogoutRedirectUri(URI.create(browser.url(""))), back.toString());
      assertRejected(signIn(PROVIDER, "?prompt=none"));
    }

    @Test
    void aUserInfoAnswerAboutAnotherSubjectThanTheIdTokensIsRefused() {
      assertRejected(signIn(IMPOSTOR, ""));
    }
  }

  /**
   * OpenID Connect Back-Channel Logout: the user signs out at the provider (as from another of its
   * applications), the provider POSTs a logout token to {@code <baseUrl>/backchannel-logout/<id>}, and the
   * session here ends. Each subclass names the session strategy.
   */
  abstract class BackChannelLogout extends ProviderSection {
    @BeforeEach
    void theProviderSupportsIt() {
      Assumptions.assumeTrue(discovery().path("backchannel_logout_supported").asBoolean(),
          "by design: the OpenID Provider under test does not support back-channel logout");
    }

    /** The kit's provider, accepting back-channel logout, on a store that keeps session records. */
    protected AuthConfigBuilder withTheProvider(AuthConfigBuilder builder) {
      return builder.store(new InMemoryAuthStore()).provider(provider(PROVIDER).backChannelLogout(true).build());
    }

    private void signOutAtTheProvider() {
      URI endSession = URI.create(discovery().path("end_session_endpoint").asText() + "?client_id="
          + Urls.encode(op.clientId()) + "&post_logout_redirect_uri="
          + Urls.encode(OpenIdProviderUnderTest.postLogoutRedirectUri(URI.create(browser.url("")))));
      op.login().endSession(atProvider, endSession);
    }

    private static boolean isSignedIn(KitClient b) {
      return !b.get("session").send().json().path("user").isMissingNode();
    }

    /** The provider may notify after its own answer; waits generously rather than for a fixed time. */
    private static void awaitSignedOut(KitClient b) throws InterruptedException {
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (isSignedIn(b)) {
        assertTrue(System.nanoTime() < deadline, "still signed in 30 s after the provider's logout");
        Thread.sleep(100);
      }
    }

    @Test
    void signingOutAtTheProviderEndsTheSessionHere() throws InterruptedException {
      signIn(PROVIDER, "");
      assertTrue(isSignedIn(browser), "signed in through the provider");
      signOutAtTheProvider();
      awaitSignedOut(browser);
    }

    @Test
    void sessionsNotSignedInAtTheProviderOutliveItsLogout() throws InterruptedException {
      KitClient local = anotherBrowser();
      assertEquals(200, local.signIn("demo", "demo").status());
      signIn(PROVIDER, "");
      signOutAtTheProvider();
      awaitSignedOut(browser);
      assertTrue(isSignedIn(local));
    }

    @Test
    void aLogoutTokenThatIsNotTheProvidersIsRefusedWith400AndEndsNothing() {
      signIn(PROVIDER, "");
      // An unsigned token naming the user: what anyone could send.
      KitResponse r = anotherBrowser().post("backchannel-logout/" + PROVIDER)
          .form(Map.of("logout_token", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJraXQtdXNlciJ9.")).send();
      assertEquals(400, r.status(), r.body());
      assertEquals("no-store", r.header("Cache-Control").orElse(null));
      assertTrue(isSignedIn(browser));
    }
  }

  @Nested
  @DisplayName("§7.1 OpenID Connect back-channel logout (JWT sessions with a store)")
  public class BackChannelLogoutJwt extends BackChannelLogout {
    @Override
    protected AuthConfigBuilder configuration() {
      return withTheProvider(KitConfigs.builder()).sessionStrategy(SessionStrategy.JWT);
    }
  }

  @Nested
  @DisplayName("§7.1 OpenID Connect back-channel logout (database sessions)")
  public class BackChannelLogoutDatabase extends BackChannelLogout {
    @Override
    protected AuthConfigBuilder configuration() {
      return withTheProvider(KitConfigs.builder()).credentialsDatabaseSessions(true)
          .sessionStrategy(SessionStrategy.DATABASE);
    }
  }
}
