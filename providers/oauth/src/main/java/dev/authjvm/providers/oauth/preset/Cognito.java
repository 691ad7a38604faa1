package dev.authjvm.providers.oauth.preset;

import dev.authjvm.core.user.User;
import dev.authjvm.providers.oauth.engine.OAuthProviderBuilder;
import dev.authjvm.providers.oauth.engine.Profiles;
import java.util.Map;

/**
 * Amazon Cognito user pools (OpenID Connect): {@code AUTH_COGNITO_ID}, {@code AUTH_COGNITO_SECRET} and
 * {@code AUTH_COGNITO_ISSUER}, {@code https://cognito-idp.<region>.amazonaws.com/<user-pool-id>}.
 */
public final class Cognito {
  public static final String ID = "cognito";

  private Cognito() {}

  public static OAuthProviderBuilder builder(String issuer) {
    return StandardOidc.builder(ID, "Cognito", issuer, Cognito::profile);
  }

  static User profile(Map<String, Object> p) {
    return new User(Profiles.require(p, "sub"), Profiles.first(p, "name", "cognito:username", "preferred_username"),
        Profiles.string(p, "email"), Profiles.string(p, "picture"), null);
  }

  /** Enables this preset when its {@code AUTH_<ID>_ID} and {@code AUTH_<ID>_SECRET} are set. */
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
