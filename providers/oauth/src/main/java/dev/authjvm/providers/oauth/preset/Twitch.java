package dev.authjvm.providers.oauth.preset;

import dev.authjvm.core.user.User;
import dev.authjvm.providers.oauth.engine.Check;
import dev.authjvm.providers.oauth.engine.ClientAuthMethod;
import dev.authjvm.providers.oauth.engine.OAuthProvider;
import dev.authjvm.providers.oauth.engine.OAuthProviderBuilder;
import dev.authjvm.providers.oauth.engine.Profiles;
import java.util.Map;

/** Twitch (OpenID Connect): {@code AUTH_TWITCH_ID}, {@code AUTH_TWITCH_SECRET}. */
public final class Twitch {
  public static final String ID = "twitch";

  private Twitch() {}

  public static OAuthProviderBuilder builder() {
    return OAuthProvider.builder().id(ID).name("Twitch").issuer("https://id.twitch.tv/oauth2")
        .scopes("openid", "user:read:email")
        // Twitch puts email and picture in the ID token only when the claims parameter asks for them.
        .authorizationParam("claims",
            "{\"id_token\":{\"email\":null,\"email_verified\":null,\"picture\":null,\"preferred_username\":null}}")
        .clientAuth(ClientAuthMethod.CLIENT_SECRET_POST)
        .checks(Check.STATE, Check.NONCE)
        .profile(Twitch::profile);
  }

  static User profile(Map<String, Object> p) {
    return new User(Profiles.require(p, "sub"), Profiles.string(p, "preferred_username"), Profiles.string(p, "email"),
        Profiles.string(p, "picture"), null);
  }

  /** Enables this preset when its {@code AUTH_<ID>_ID} and {@code AUTH_<ID>_SECRET} are set. */
  public static final class Factory extends PresetFactory {
    public Factory() {
      super(ID, Issuer.NONE);
    }

    @Override
    protected OAuthProviderBuilder preset(String issuer) {
      return builder();
    }
  }
}
