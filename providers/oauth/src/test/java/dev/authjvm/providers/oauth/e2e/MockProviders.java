package dev.authjvm.providers.oauth.e2e;

import dev.authjvm.core.config.AuthConfig;
import dev.authjvm.core.config.AuthConfigBuilder;
import dev.authjvm.core.spi.Environment;
import dev.authjvm.core.provider.ProviderType;
import dev.authjvm.providers.oauth.engine.OAuthProvider;
import dev.authjvm.providers.oauth.engine.OAuthProviderBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;

/** The application's configuration, and providers pointing at one issuer of the test's mock-oauth2-server. */
final class MockProviders {
  static final String SECRET = "an-oauth-e2e-secret-that-is-long-enough";

  private MockProviders() {}

  /**
   * A started mock-oauth2-server that has answered once: its first answers come from a cold server and can
   * take longer than the engine's read timeout on a loaded machine, which is not what these tests are about.
   */
  static MockOAuth2Server startedIdp() {
    MockOAuth2Server idp = new MockOAuth2Server();
    idp.start();
    HttpClient client = HttpClient.newHttpClient();
    for (String url : new String[] {idp.wellKnownUrl("default").toString(), idp.jwksUrl("default").toString()}) {
      try {
        client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(2)).build(),
            HttpResponse.BodyHandlers.discarding());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    return idp;
  }

  /** The application's configuration without discovery or env settings beyond the shared secret. */
  static AuthConfigBuilder appConfig() {
    return AuthConfig.builder().secret(SECRET).environment(Environment.of(Map.of())).discoverProviders(false)
        .discoverStore(false);
  }

  static OAuthProviderBuilder builder(MockOAuth2Server idp, String id, String issuerId) {
    return OAuthProvider.builder().id(id).name("Mock " + issuerId).issuer(idp.issuerUrl(issuerId).toString())
        .clientId(OAuthSignInTest.CLIENT_ID).clientSecret("client-secret");
  }

  /** OIDC with discovery: ID token validated against the issuer's JWKS. */
  static OAuthProvider oidc(MockOAuth2Server idp, String id, String issuerId) {
    return builder(idp, id, issuerId).build();
  }

  /**
   * Plain OAuth 2: explicit endpoints and the profile from userinfo. The scope still says openid
   * because the mock server only parses OIDC authentication requests; the ID token is ignored.
   */
  static OAuthProvider plainOAuth2(MockOAuth2Server idp, String id, String issuerId) {
    return OAuthProvider.builder().id(id).name("Mock OAuth " + issuerId).type(ProviderType.OAUTH)
        .authorizationEndpoint(idp.authorizationEndpointUrl(issuerId).toString())
        .tokenEndpoint(idp.tokenEndpointUrl(issuerId).toString())
        .userinfoEndpoint(idp.userInfoUrl(issuerId).toString())
        .scopes("openid", "profile")
        .clientId(OAuthSignInTest.CLIENT_ID).clientSecret("client-secret").build();
  }

  /** OIDC against the real issuer's authorization endpoint and keys, but a token endpoint the test controls. */
  static OAuthProvider rogue(MockOAuth2Server idp, String id, String tokenEndpoint) {
    return OAuthProvider.builder().id(id).name("Rogue").type(ProviderType.OIDC)
        .issuer(idp.issuerUrl("default").toString())
        .authorizationEndpoint(idp.authorizationEndpointUrl("default").toString())
        .tokenEndpoint(tokenEndpoint)
        .jwksUri(idp.jwksUrl("default").toString())
        .clientId(OAuthSignInTest.CLIENT_ID).clientSecret("client-secret").build();
  }
}
