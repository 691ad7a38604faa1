package dev.authjvm.demo;

import dev.authjvm.core.user.User;
import dev.authjvm.providers.oauth.engine.EmailVerification;
import dev.authjvm.providers.oauth.engine.OAuthProvider;
import dev.authjvm.providers.oauth.engine.Profiles;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;

/**
 * {@code AUTH_DEMO_OIDC=1}: an OpenID Connect server started inside the demo (mock-oauth2-server, with
 * its login page, where any user name is accepted) and registered as the provider {@code demo-oidc}.
 * The whole OAuth sign-in (discovery, PKCE, state, nonce, token, ID-token validation) then runs
 * offline, against the same engine the real presets use.
 */
final class DemoOidc implements AutoCloseable {
  static final String PROVIDER_ID = "demo-oidc";
  private static final String ISSUER_ID = "demo";
  private final MockOAuth2Server server;

  /** Starts the server on {@code port} (0 picks a free one) of localhost. */
  DemoOidc(int port) {
    // Interactive: the browser sees a login page and picks a user name, as with a real provider.
    server = new MockOAuth2Server(new OAuth2Config(true));
    server.start(port);
  }

  String issuer() {
    return server.issuerUrl(ISSUER_ID).toString();
  }

  OAuthProvider provider() {
    return OAuthProvider.builder().id(PROVIDER_ID).name("Demo OIDC (offline)").issuer(issuer())
        .clientId("authjvm-demo").clientSecret("demo-client-secret")
        .profile(DemoOidc::profile)
        // The addresses this offline server makes up (on the reserved demo.example) are the demo's own;
        // any other address counts only when the server's claims say it is verified.
        .emailVerification((profile, email) -> email.endsWith("@demo.example")
            || EmailVerification.standard().isVerified(profile, email))
        .build();
  }

  /** The login page asks only for a user name; it becomes the name and, unless claims say otherwise, the address. */
  static User profile(Map<String, Object> p) {
    String sub = Profiles.require(p, "sub");
    String email = Profiles.string(p, "email");
    return new User(sub, Profiles.first(p, "name", "preferred_username", "sub"),
        email != null ? email : sub.replaceAll("[^A-Za-z0-9._-]", "") + "@demo.example", Profiles.string(p, "picture"),
        null);
  }

  @Override
  public void close() {
    server.shutdown();
  }
}
