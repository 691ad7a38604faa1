package dev.authjvm.providers.oauth.preset;

import dev.authjvm.core.user.User;
import dev.authjvm.providers.oauth.engine.OAuthProvider;
import dev.authjvm.providers.oauth.engine.OAuthProviderBuilder;
import dev.authjvm.providers.oauth.engine.Profiles;
import java.util.Map;

/**
 * Okta (OpenID Connect): {@code AUTH_OKTA_ID}, {@code AUTH_OKTA_SECRET} and {@code AUTH_OKTA_ISSUER},
 * e.g. {@code https://your-org.okta.com/oauth2/default} (exactly as the discovery document's {@code issuer}).
 */
public final class Okta {
  public static final String ID = "okta";

  private Okta() {}

  public static OAuthProviderBuilder builder(String issuer) {
    return OAuthProvider.builder().id(ID).name("Okta").issuer(issuer)
        .scopes("openid", "profile", "email")
        .profile(Okta::profile);
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
