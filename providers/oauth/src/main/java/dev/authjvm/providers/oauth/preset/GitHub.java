package dev.authjvm.providers.oauth.preset;

import dev.authjvm.core.user.User;
import dev.authjvm.providers.oauth.engine.EmailVerification;
import dev.authjvm.providers.oauth.engine.OAuthProvider;
import dev.authjvm.providers.oauth.engine.OAuthProviderBuilder;
import dev.authjvm.providers.oauth.engine.Profiles;
import java.util.List;
import java.util.Map;

/** GitHub OAuth apps: {@code AUTH_GITHUB_ID}, {@code AUTH_GITHUB_SECRET}. */
public final class GitHub {
  public static final String ID = "github";

  private GitHub() {}

  public static OAuthProviderBuilder builder() {
    return OAuthProvider.builder().id(ID).name("GitHub")
        .authorizationEndpoint("https://github.com/login/oauth/authorize")
        .tokenEndpoint("https://github.com/login/oauth/access_token")
        .userinfoEndpoint("https://api.github.com/user")
        // A private address is absent from /user; /user/emails lists it (needs the user:email scope).
        .emailsEndpoint("https://api.github.com/user/emails")
        .scopes("read:user", "user:email")
        // GitHub lets users enter any address before verifying it; /user/emails says which are verified.
        .emailVerification(EmailVerification.listed("email", "verified", "emails"))
        .profile(GitHub::profile);
  }

  static User profile(Map<String, Object> p) {
    String email = null;
    if (p.get("emails") instanceof List<?> emails) {
      email = emails.stream().filter(e -> e instanceof Map<?, ?> m && Boolean.TRUE.equals(m.get("primary"))
              && Boolean.TRUE.equals(m.get("verified")))
          .map(e -> String.valueOf(((Map<?, ?>) e).get("email"))).findFirst().orElse(null);
    }
    if (email == null) {
      email = Profiles.string(p, "email");
    }
    return new User(Profiles.require(p, "id"), Profiles.first(p, "name", "login"), email,
        Profiles.string(p, "avatar_url"), null);
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
