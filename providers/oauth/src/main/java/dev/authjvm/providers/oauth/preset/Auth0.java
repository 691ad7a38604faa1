package dev.authjvm.providers.oauth.preset;

import dev.authjvm.core.user.User;
import dev.authjvm.providers.oauth.engine.OAuthProvider;
import dev.authjvm.providers.oauth.engine.OAuthProviderBuilder;
import dev.authjvm.providers.oauth.engine.Profiles;
import java.util.Map;

/**
 * Auth0 (OpenID Connect): {@code AUTH_AUTH0_ID}, {@code AUTH_AUTH0_SECRET} and {@code AUTH_AUTH0_ISSUER},
 * e.g. {@code https://your-tenant.eu.auth0.com/} (exactly as the discovery document's {@code issuer}).
 */
public final class Auth0 {
  public static final String ID = "auth0";

  private Auth0() {}

  public static OAuthProviderBuilder builder(String issuer) {
    return OAuthProvider.builder().id(ID).name("Auth0").issuer(issuer)
        .scopes("openid", "profile", "email")
        .profile(Auth0::profile);
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
