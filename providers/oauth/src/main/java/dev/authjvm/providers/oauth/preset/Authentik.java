package dev.authjvm.providers.oauth.preset;

import dev.authjvm.core.user.User;
import dev.authjvm.providers.oauth.engine.OAuthProvider;
import dev.authjvm.providers.oauth.engine.OAuthProviderBuilder;
import dev.authjvm.providers.oauth.engine.Profiles;
import java.util.Map;

/**
 * authentik (OpenID Connect): {@code AUTH_AUTHENTIK_ID}, {@code AUTH_AUTHENTIK_SECRET} and {@code AUTH_AUTHENTIK_ISSUER},
 * e.g. {@code https://authentik.example.com/application/o/your-app/} (exactly as the discovery document's {@code issuer}).
 */
public final class Authentik {
  public static final String ID = "authentik";

  private Authentik() {}

  public static OAuthProviderBuilder builder(String issuer) {
    return OAuthProvider.builder().id(ID).name("Authentik").issuer(issuer)
        .scopes("openid", "profile", "email")
        .profile(Authentik::profile);
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
