package dev.authjvm.providers.oauth.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authjvm.core.callback.Callbacks;
import dev.authjvm.core.provider.ProviderType;
import dev.authjvm.providers.oauth.engine.OAuthProvider;
import dev.authjvm.testsupport.AuthTestServer;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * "Tabs sharing a cookie share one refresh", through a running server: two reads of one session whose
 * access token is due arrive together ({@link SessionTabs}), and the provider sees one refresh request,
 * answered to both.
 */
class SharedRefreshTest {
  static final List<String> ACCESS_TOKENS_SEEN = new CopyOnWriteArrayList<>();
  static MockOAuth2Server idp;
  static TokenRelay tokens;
  static AuthTestServer app;
  static final SessionTabs TABS = new SessionTabs();

  @BeforeAll
  static void start() {
    idp = MockProviders.startedIdp();
    tokens = new TokenRelay(idp.tokenEndpointUrl("default").uri());
    OAuthProvider provider = OAuthProvider.builder().id("mock-oidc").name("Mock").type(ProviderType.OIDC)
        .issuer(idp.issuerUrl("default").toString())
        .authorizationEndpoint(idp.authorizationEndpointUrl("default").toString())
        .tokenEndpoint(tokens.url()).jwksUri(idp.jwksUrl("default").toString())
        .clientId(OAuthSignInTest.CLIENT_ID).clientSecret("client-secret").build();
    app = AuthTestServer.start(MockProviders.appConfig().refreshAccessTokens(true).provider(provider)
        .callbacks(Callbacks.DEFAULTS.withJwt(p -> {
          ACCESS_TOKENS_SEEN.add(String.valueOf(p.token().string("access_token")));
          return p.token();
        })).build(), AuthTestServer.ECHO_PAGES, TABS.counting());
  }

  @AfterAll
  static void stop() {
    app.close();
    tokens.close();
    idp.shutdown();
  }

  @Test
  void twoTabsReadingADueSessionAtOnceShareOneRefresh() throws Exception {
    // Tokens that live 30 s are due at once: they are refreshed 60 s before they expire.
    idp.enqueueCallback(new DefaultOAuth2TokenCallback("default", "tab-user", "JWT", null, Map.of("name", "Tab User"), 30));
    Browser firstTab = new Browser();
    firstTab.signIn(app.origin(), "mock-oidc");
    String signInToken = ACCESS_TOKENS_SEEN.get(ACCESS_TOKENS_SEEN.size() - 1);
    ACCESS_TOKENS_SEEN.clear();

    List<HttpResponse<String>> answers = TABS.readTogether(app.origin(), firstTab, tokens);

    assertTrue(tokens.gateOpenedInTime(), "both reads reached the application while the refresh was in flight");
    assertEquals(1, tokens.refreshes(), "refresh requests the provider saw");
    for (HttpResponse<String> answer : answers) {
      assertEquals(200, answer.statusCode());
      assertTrue(answer.body().contains("\"name\":\"Tab User\"") && !answer.body().contains("RefreshTokenError"),
          answer.body());
    }
    Set<String> refreshed = Set.copyOf(ACCESS_TOKENS_SEEN);
    assertEquals(1, refreshed.size(), "both reads carry the one refreshed access token: " + ACCESS_TOKENS_SEEN);
    assertNotEquals(signInToken, refreshed.iterator().next());
  }
}
