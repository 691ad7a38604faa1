package dev.authjvm.providers.oauth.preset;

import dev.authjvm.core.provider.ProviderType;
import dev.authjvm.core.user.User;
import dev.authjvm.providers.oauth.engine.Check;
import dev.authjvm.providers.oauth.engine.ClientAuthMethod;
import dev.authjvm.providers.oauth.engine.OAuthProvider;
import dev.authjvm.providers.oauth.engine.OAuthProviderBuilder;
import dev.authjvm.providers.oauth.engine.Profiles;
import java.util.Map;

/** Sign In with LinkedIn using OpenID Connect: {@code AUTH_LINKEDIN_ID}, {@code AUTH_LINKEDIN_SECRET}. */
public final class LinkedIn {
  public static final String ID = "linkedin";

  private LinkedIn() {}

  public static OAuthProviderBuilder builder() {
    return OAuthProvider.builder().id(ID).name("LinkedIn")
        // Explicit endpoints: LinkedIn's ID tokens say iss=https://www.linkedin.com while its discovery
        // document names https://www.linkedin.com/oauth, so discovery could never validate a token.
        .type(ProviderType.OIDC)
        .issuer("https://www.linkedin.com")
        .authorizationEndpoint("https://www.linkedin.com/oauth/v2/authorization")
        .tokenEndpoint("https://www.linkedin.com/oauth/v2/accessToken")
        .userinfoEndpoint("https://api.linkedin.com/v2/userinfo")
        .jwksUri("https://www.linkedin.com/oauth/openid/jwks")
        .scopes("openid", "profile", "email")
        // LinkedIn's token endpoint takes the credentials in the body, and it documents state only.
        .clientAuth(ClientAuthMethod.CLIENT_SECRET_POST)
        .checks(Check.STATE)
        .profile(LinkedIn::profile);
  }

  static User profile(Map<String, Object> p) {
    return new User(Profiles.require(p, "sub"), Profiles.string(p, "name"), Profiles.string(p, "email"),
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
