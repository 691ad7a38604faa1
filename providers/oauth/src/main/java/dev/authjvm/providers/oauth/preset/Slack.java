package dev.authjvm.providers.oauth.preset;

import dev.authjvm.core.user.User;
import dev.authjvm.providers.oauth.engine.Check;
import dev.authjvm.providers.oauth.engine.OAuthProvider;
import dev.authjvm.providers.oauth.engine.OAuthProviderBuilder;
import dev.authjvm.providers.oauth.engine.Profiles;
import java.util.Map;

/** Sign in with Slack (OpenID Connect): {@code AUTH_SLACK_ID}, {@code AUTH_SLACK_SECRET}. */
public final class Slack {
  public static final String ID = "slack";

  private Slack() {}

  public static OAuthProviderBuilder builder() {
    return OAuthProvider.builder().id(ID).name("Slack").issuer("https://slack.com")
        .scopes("openid", "profile", "email")
        .checks(Check.STATE, Check.NONCE)
        .profile(Slack::profile);
  }

  static User profile(Map<String, Object> p) {
    // Slack's namespaced claims carry the workspace user id and a larger avatar than picture.
    return new User(Profiles.first(p, "https://slack.com/user_id", "sub"), Profiles.string(p, "name"),
        Profiles.string(p, "email"), Profiles.first(p, "https://slack.com/user_image_512", "picture"), null);
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
