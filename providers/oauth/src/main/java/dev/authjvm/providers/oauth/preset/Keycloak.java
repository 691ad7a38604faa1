package dev.authjvm.providers.oauth.preset;

import dev.authjvm.core.user.User;
import dev.authjvm.providers.oauth.engine.OAuthProvider;
import dev.authjvm.providers.oauth.engine.OAuthProviderBuilder;
import dev.authjvm.providers.oauth.engine.Profiles;
import java.util.Map;

/**
 * Keycloak (OpenID Connect): {@code AUTH_KEYCLOAK_ID}, {@code AUTH_KEYCLOAK_SECRET} and {@code AUTH_KEYCLOAK_ISSUER},
 * e.g. {@code https://keycloak.example.com/realms/your-realm} (exactly as the discovery document's {@code issuer}).
 */
public final class Keycloak {
  public static final String ID = "keycloak";

  private Keycloak() {}

  public static OAuthProviderBuilder builder(String issuer) {
    return OAuthProvider.builder().id(ID).name("Keycloak").issuer(issuer)
        .scopes("openid", "profile", "email")
        .profile(Keycloak::profile);
  }

  static User profile(Map<String, Object> p) {
    return new User(Profiles.require(p, "sub"), Profiles.first(p, "name", "nickname", "preferred_username"),
        Profiles.string(p, "email"), Profiles.string(p, "picture"), null);
  }

  public static final class Factory extends PresetFactory {
    public Factory() {
      super(ID, Issuer.REQUIRED);
    }

    @Override
    protected OAuthProviderBuilder preset(String issuer) {
      return builder(issuer);
    }
  }
}
