package dev.authjvm.providers.oauth.preset;

import dev.authjvm.core.user.User;
import dev.authjvm.providers.oauth.engine.EmailVerification;
import dev.authjvm.providers.oauth.engine.Check;
import dev.authjvm.providers.oauth.engine.ClientAuthMethod;
import dev.authjvm.providers.oauth.engine.OAuthProvider;
import dev.authjvm.providers.oauth.engine.OAuthProviderBuilder;
import dev.authjvm.providers.oauth.engine.Profiles;
import java.util.Map;

/**
 * Atlassian (Jira, Confluence) with OAuth 2.0 (3LO): {@code AUTH_ATLASSIAN_ID}, {@code AUTH_ATLASSIAN_SECRET}.
 */
public final class Atlassian {
  public static final String ID = "atlassian";

  private Atlassian() {}

  public static OAuthProviderBuilder builder() {
    return OAuthProvider.builder().id(ID).name("Atlassian")
        .authorizationEndpoint("https://auth.atlassian.com/authorize")
        .tokenEndpoint("https://auth.atlassian.com/oauth/token")
        .userinfoEndpoint("https://api.atlassian.com/me")
        .authorizationParam("audience", "api.atlassian.com")
        .clientAuth(ClientAuthMethod.CLIENT_SECRET_POST)
        .scopes("read:me")
        .emailVerification(EmailVerification.standard())
        // Atlassian's authorization server documents state, not PKCE, for 3LO apps.
        .checks(Check.STATE)
        .profile(Atlassian::profile);
  }

  static User profile(Map<String, Object> p) {
    return new User(Profiles.require(p, "account_id"), Profiles.first(p, "name", "nickname"),
        Profiles.string(p, "email"), Profiles.string(p, "picture"), null);
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
