package dev.authjvm.providers.oauth.preset;

import dev.authjvm.core.user.User;
import dev.authjvm.providers.oauth.engine.EmailVerification;
import dev.authjvm.providers.oauth.engine.OAuthProvider;
import dev.authjvm.providers.oauth.engine.OAuthProviderBuilder;
import dev.authjvm.providers.oauth.engine.Profiles;
import java.util.Map;

/**
 * GitLab: {@code AUTH_GITLAB_ID}, {@code AUTH_GITLAB_SECRET}, and {@code AUTH_GITLAB_ISSUER} for a
 * self-managed instance (its base URL, default {@code https://gitlab.com}).
 */
public final class GitLab {
  public static final String ID = "gitlab";

  private GitLab() {}

  public static OAuthProviderBuilder builder(String baseUrl) {
    String base = baseUrl == null ? "https://gitlab.com" : baseUrl.replaceAll("/+$", "");
    return OAuthProvider.builder().id(ID).name("GitLab")
        .authorizationEndpoint(base + "/oauth/authorize")
        .tokenEndpoint(base + "/oauth/token")
        .userinfoEndpoint(base + "/api/v4/user")
        .scopes("read_user")
        // GitLab's user resource has no verified flag, but confirmed_at is set once the primary address is confirmed.
        .emailVerification((profile, email) -> Profiles.string(profile, "confirmed_at") != null)
        .profile(GitLab::profile);
  }

  static User profile(Map<String, Object> p) {
    return new User(Profiles.require(p, "id"), Profiles.first(p, "name", "username"), Profiles.string(p, "email"),
        Profiles.string(p, "avatar_url"), null);
  }

  /** Enables this preset when its {@code AUTH_<ID>_ID} and {@code AUTH_<ID>_SECRET} are set. */
  public static final class Factory extends PresetFactory {
    public Factory() {
      super(ID, Issuer.OPTIONAL);
    }

    @Override
    protected OAuthProviderBuilder preset(String issuer) {
      return builder(issuer);
    }
  }
}
