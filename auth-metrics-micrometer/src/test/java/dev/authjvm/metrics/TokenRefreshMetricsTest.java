package dev.authjvm.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authjvm.conformance.KitConfigs;
import dev.authjvm.conformance.http.KitClient;
import dev.authjvm.conformance.http.KitResponse;
import dev.authjvm.providers.oauth.engine.OAuthProvider;
import dev.authjvm.testsupport.AuthTestServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * OAuth access-token refreshes against a real OpenID Connect provider (mock-oauth2-server): a session
 * whose access token expires within the minute is refreshed on its next read, and counted.
 */
class TokenRefreshMetricsTest {
  static final String PROVIDER = "mock-oidc";
  final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  MockOAuth2Server idp;
  SimpleMeterRegistry registry;
  AuthTestServer server;
  KitClient browser;

  @BeforeEach
  void start() {
    idp = new MockOAuth2Server();
    idp.start();
    registry = new SimpleMeterRegistry();
    OAuthProvider provider = OAuthProvider.builder().id(PROVIDER).name("Mock").issuer(idp.issuerUrl("default").toString())
        .clientId("metrics-test").clientSecret("client-secret").build();
    server = AuthTestServer.start(KitConfigs.builder().provider(provider).refreshAccessTokens(true)
        .observer(AuthMetrics.of(registry)).build());
    browser = new KitClient(server.baseUrl());
  }

  @AfterEach
  void stop() {
    server.close();
    idp.shutdown();
  }

  /** Through the provider and back, with an access token that lives 30 s: due for a refresh at once. */
  void signInWithAShortLivedToken() throws Exception {
    idp.enqueueCallback(new DefaultOAuth2TokenCallback("default", "ada", "JWT", null, Map.of("name", "Ada"), 30));
    KitResponse start = browser.post("signin/" + PROVIDER).form(Map.of("csrfToken", browser.csrfToken())).send();
    HttpResponse<String> authorized = http.send(HttpRequest.newBuilder(URI.create(start.header("Location").orElseThrow()))
        .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    String callback = authorized.headers().firstValue("Location").orElseThrow();
    browser.get(callback.substring(browser.url("").length())).send();
    assertEquals(1, registry.get(AuthMetrics.SIGN_INS).tags("provider", PROVIDER, "outcome", "success").counter().count());
  }

  double refreshes(String outcome) {
    return registry.get(AuthMetrics.TOKEN_REFRESHES).tags("provider", PROVIDER, "outcome", outcome).counter().count();
  }

  @Test
  void aRefreshOnASessionReadIsCountedAsASuccess() throws Exception {
    signInWithAShortLivedToken();

    String session = browser.get("session").send().body();

    assertTrue(session.contains("Ada") && !session.contains("RefreshTokenError"), session);
    assertEquals(1, refreshes("success"));
    assertNull(registry.find(AuthMetrics.TOKEN_REFRESHES).tag("outcome", "failure").counter());
  }

  @Test
  void aRefreshTheProviderCannotAnswerIsCountedAsAFailure() throws Exception {
    signInWithAShortLivedToken();
    idp.shutdown();

    String session = browser.get("session").send().body();

    assertTrue(session.contains("RefreshTokenError"), session);
    assertEquals(1, refreshes("failure"));
  }
}
