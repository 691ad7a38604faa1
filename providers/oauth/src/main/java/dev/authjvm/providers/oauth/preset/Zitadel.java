package dev.authjvm.providers.oauth.preset;

import dev.authjvm.core.user.User;
import dev.authjvm.providers.oauth.engine.OAuthProvider;
import dev.authjvm.providers.oauth.engine.OAuthProviderBuilder;
import dev.authjvm.providers.oauth.engine.Profiles;
import java.util.Map;

/**
 * ZITADEL (OpenID Connect): {@code AUTH_ZITADEL_ID}, {@code AUTH_ZITADEL_SECRET} and {@code AUTH_ZITADEL_ISSUER},
 * e.g. {@code https://your-instance.zitadel.cloud} (exactly as the discovery document's {@code issuer}).
 */
public final class Zitadel {
  public static final String ID = "zitadel";

  private Zitadel() {}

  public static OAuthProviderBuilder builder(String issuer) {
    return OAuthProvider.builder().id(ID).name("ZITADEL").issuer(issuer)
        .scopes("openid", "profile", "email")
        .profile(Zitadel::profile);
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
