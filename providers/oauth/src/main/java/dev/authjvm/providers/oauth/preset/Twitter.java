package dev.authjvm.providers.oauth.preset;

import dev.authjvm.core.user.User;
import dev.authjvm.providers.oauth.engine.OAuthProvider;
import dev.authjvm.providers.oauth.engine.OAuthProviderBuilder;
import dev.authjvm.providers.oauth.engine.Profiles;
import java.util.Map;

/**
 * X (Twitter) with OAuth 2.0: {@code AUTH_TWITTER_ID}, {@code AUTH_TWITTER_SECRET} (the OAuth 2.0
 * client id and secret, not the API key). X requires PKCE, and gives no email address.
 */
public final class Twitter {
  public static final String ID = "twitter";

  private Twitter() {}

  public static OAuthProviderBuilder builder() {
    return OAuthProvider.builder().id(ID).name("Twitter")
        .authorizationEndpoint("https://x.com/i/oauth2/authorize")
        .tokenEndpoint("https://api.x.com/2/oauth2/token")
        .userinfoEndpoint("https://api.x.com/2/users/me?user.fields=profile_image_url")
        .scopes("users.read", "tweet.read", "offline.access")
        .profile(Twitter::profile);
  }

  static User profile(Map<String, Object> p) {
    return new User(Profiles.require(p, "data", "id"), Profiles.string(p, "data", "name"), null,
        Profiles.string(p, "data", "profile_image_url"), null);
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
