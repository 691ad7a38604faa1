package dev.authjvm.providers.oauth.preset;

import dev.authjvm.core.user.User;
import dev.authjvm.providers.oauth.engine.Check;
import dev.authjvm.providers.oauth.engine.ClientAuthMethod;
import dev.authjvm.providers.oauth.engine.OAuthProvider;
import dev.authjvm.providers.oauth.engine.OAuthProviderBuilder;
import dev.authjvm.providers.oauth.engine.Profiles;
import java.util.Map;

/**
 * Sign in with Apple: {@code AUTH_APPLE_ID} (the Services ID) and {@code AUTH_APPLE_SECRET}, the
 * client-secret JWT you generate from your key (ES256, at most six months valid), as Auth.js expects.
 * Apple POSTs the callback ({@code form_post}) and sends the user's name only on the first sign-in.
 */
public final class Apple {
  public static final String ID = "apple";

  private Apple() {}

  public static OAuthProviderBuilder builder() {
    return OAuthProvider.builder().id(ID).name("Apple").issuer("https://appleid.apple.com")
        .scopes("openid", "name", "email").formPost(true)
        // Apple documents state and nonce for web sign-in, not PKCE.
        .checks(Check.STATE, Check.NONCE)
        .clientAuth(ClientAuthMethod.CLIENT_SECRET_POST)
        .profile(Apple::profile);
  }

  static User profile(Map<String, Object> p) {
    String first = Profiles.string(p, "user", "name", "firstName");
    String last = Profiles.string(p, "user", "name", "lastName");
    String name = first == null && last == null ? null
        : ((first == null ? "" : first) + " " + (last == null ? "" : last)).strip();
    return new User(Profiles.require(p, "sub"), name, Profiles.string(p, "email"), null, null);
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
