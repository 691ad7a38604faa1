package dev.authjvm.conformance;

import dev.authjvm.providers.oauth.engine.OAuthProvider;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;

/**
 * The kit's own OpenID Connect server (mock-oauth2-server on a free localhost port), started on first
 * use and shared by every OAuth check of the run, and the providers that point at it.
 */
final class KitOidc {
  static final String CLIENT_ID = "conformance-kit";
  private static MockOAuth2Server server;

  private KitOidc() {}

  static synchronized MockOAuth2Server server() {
    if (server == null) {
      server = new MockOAuth2Server();
      server.start();
      Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown));
    }
    return server;
  }

  /** An OIDC provider {@code id} with discovery from the kit server's issuer {@code issuerId}. */
  static OAuthProvider provider(String id, String issuerId, boolean formPost) {
    return OAuthProvider.builder().id(id).name("Kit " + issuerId).issuer(server().issuerUrl(issuerId).toString())
        .clientId(CLIENT_ID).clientSecret("kit-client-secret").formPost(formPost).build();
  }

  /** The next token the server issues at {@code issuerId} is for this subject, with these claims. */
  static void nextUser(String issuerId, String subject, Map<String, Object> claims) {
    server().enqueueCallback(new DefaultOAuth2TokenCallback(issuerId, subject, "JWT", null, claims, 3600));
  }
}
