package dev.authjvm.conformance;

import dev.authjvm.core.provider.ProviderType;
import dev.authjvm.providers.oauth.engine.OAuthProvider;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import no.nav.security.mock.oauth2.MockOAuth2Server;

/**
 * The kit's own OpenID Connect provider (mock-oauth2-server on a free loopback port), started on
 * first use and shared by every OAuth check of the run; it signs users in without a login form.
 */
final class KitIdentityProvider {
  static final String CLIENT_ID = "conformance-kit";
  private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private static MockOAuth2Server server;

  private KitIdentityProvider() {}

  static synchronized MockOAuth2Server server() {
    if (server == null) {
      server = new MockOAuth2Server();
      server.start();
      Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown));
    }
    return server;
  }

  /** An OIDC provider with discovery from the kit's issuer {@code issuerId}. */
  static OAuthProvider oidc(String id, String issuerId) {
    return OAuthProvider.builder().id(id).name("Kit " + id).type(ProviderType.OIDC)
        .issuer(server().issuerUrl(issuerId).toString()).clientId(CLIENT_ID).clientSecret("kit-secret").build();
  }

  /** What the identity provider answers to the browser's visit of the authorization URL: a redirect to our callback. */
  static String authorize(String authorizationUrl) {
    try {
      HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(authorizationUrl)).GET()
          .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
      return r.headers().firstValue("Location")
          .orElseThrow(() -> new AssertionError("the identity provider did not redirect back: " + r.statusCode() + " " + r.body()));
    } catch (IOException e) {
      throw new AssertionError("the identity provider cannot be reached: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
