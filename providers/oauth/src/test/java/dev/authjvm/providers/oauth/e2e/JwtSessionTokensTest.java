package dev.authjvm.providers.oauth.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authjvm.core.callback.Callbacks;
import dev.authjvm.core.callback.JwtParams;
import dev.authjvm.testsupport.AuthTestServer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * JWT sessions with the provider's tokens: the jwt callback sees the token response, an expiring
 * access token is refreshed through the provider, and federated sign-out goes through its
 * end-session endpoint.
 */
class JwtSessionTokensTest {
  static final List<JwtParams> JWT_CALLS = new CopyOnWriteArrayList<>();
  static MockOAuth2Server idp;
  static AuthTestServer app;

  @BeforeAll
  static void start() {
    idp = MockProviders.startedIdp();
    app = AuthTestServer.start(MockProviders.appConfig().refreshAccessTokens(true).federatedSignOut(true)
        .callbacks(Callbacks.DEFAULTS.withJwt(params -> {
          JWT_CALLS.add(params);
          return params.token();
        }))
        .provider(MockProviders.oidc(idp, "mock-oidc", "default")).build(), AuthTestServer.ECHO_PAGES);
  }

  @AfterAll
  static void stop() {
    app.close();
    idp.shutdown();
  }

  @BeforeEach
  void forget() {
    JWT_CALLS.clear();
  }

  static void nextTokensLive(long seconds) {
    idp.enqueueCallback(new DefaultOAuth2TokenCallback("default", "jwt-user", "JWT", null, Map.of("name", "Jay"), seconds));
  }

  @Test
  void theJwtCallbackReceivesTheTokenResponseAsTheAccountOnSignIn() {
    nextTokensLive(3600);
    new Browser().signIn(app.origin(), "mock-oidc");
    JwtParams signIn = JWT_CALLS.stream().filter(p -> p.account() != null).findFirst().orElseThrow();
    assertEquals("mock-oidc", signIn.account().provider());
    assertNotNull(signIn.account().accessToken());
    assertNotNull(signIn.account().idToken());
    assertNotNull(signIn.account().refreshToken());
    assertEquals("jwt-user", signIn.profile().get("sub"));
  }

  @Test
  void anAccessTokenAboutToExpireIsRefreshedOnTheNextSessionRead() {
    nextTokensLive(30);
    Browser browser = new Browser();
    browser.signIn(app.origin(), "mock-oidc");
    String first = JWT_CALLS.get(JWT_CALLS.size() - 1).token().string("access_token");
    String session = browser.session(app.origin());
    String refreshed = JWT_CALLS.get(JWT_CALLS.size() - 1).token().string("access_token");
    assertFalse(session.contains("RefreshTokenError"), session);
    assertNotNull(refreshed);
    assertNotEquals(first, refreshed);
  }

  @Test
  void federatedSignOutGoesThroughTheProvidersEndSessionEndpoint() {
    nextTokensLive(3600);
    Browser browser = new Browser();
    browser.signIn(app.origin(), "mock-oidc");
    String location = Browser.location(browser.post(app.origin() + "/api/auth/signout",
        Map.of("csrfToken", browser.csrfToken(app.origin()), "callbackUrl", app.origin() + "/bye")));
    assertTrue(location.startsWith(idp.endSessionEndpointUrl("default") + "?id_token_hint="), location);
    assertEquals(app.origin() + "/bye", Browser.query(location).get("post_logout_redirect_uri"));
    assertEquals("null", browser.session(app.origin()));
  }
}
