package dev.authjvm.providers.oauth.preset;

import dev.authjvm.core.user.User;
import dev.authjvm.providers.oauth.engine.EmailVerification;
import dev.authjvm.providers.oauth.engine.OAuthProvider;
import dev.authjvm.providers.oauth.engine.OAuthProviderBuilder;
import dev.authjvm.providers.oauth.engine.Profiles;
import java.util.Map;

/** Bitbucket Cloud: {@code AUTH_BITBUCKET_ID} (the consumer key), {@code AUTH_BITBUCKET_SECRET}. */
public final class Bitbucket {
  public static final String ID = "bitbucket";

  private Bitbucket() {}

  public static OAuthProviderBuilder builder() {
    return OAuthProvider.builder().id(ID).name("Bitbucket")
        .authorizationEndpoint("https://bitbucket.org/site/oauth2/authorize")
        .tokenEndpoint("https://bitbucket.org/site/oauth2/access_token")
        .userinfoEndpoint("https://api.bitbucket.org/2.0/user")
        // The user resource has no address; the emails resource does ({"values": [...]}).
        .emailsEndpoint("https://api.bitbucket.org/2.0/user/emails")
        .scopes("account", "email")
        .emailVerification(EmailVerification.listed("email", "is_confirmed", "emails", "values"))
        .profile(Bitbucket::profile);
  }

  static User profile(Map<String, Object> p) {
    String email = null;
    if (Profiles.at(p, "emails", "values") instanceof java.util.List<?> values) {
      email = values.stream().filter(v -> v instanceof Map<?, ?> m && Boolean.TRUE.equals(m.get("is_primary"))
              && Boolean.TRUE.equals(m.get("is_confirmed")))
          .map(v -> String.valueOf(((Map<?, ?>) v).get("email"))).findFirst().orElse(null);
    }
    // account_id, not uuid: the id Auth.js stores, so accounts linked by either stay linked.
    return new User(Profiles.require(p, "account_id"), Profiles.first(p, "display_name", "username"), email,
        Profiles.string(p, "links", "avatar", "href"), null);
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
