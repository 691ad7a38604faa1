package dev.authjvm.providers.oauth.preset;

import dev.authjvm.core.user.User;
import dev.authjvm.providers.oauth.engine.OAuthProvider;
import dev.authjvm.providers.oauth.engine.OAuthProviderBuilder;
import dev.authjvm.providers.oauth.engine.ProfileMapper;
import java.util.Map;

/** Google (OpenID Connect): {@code AUTH_GOOGLE_ID}, {@code AUTH_GOOGLE_SECRET}. */
public final class Google {
  public static final String ID = "google";

  private Google() {}

  public static OAuthProviderBuilder builder() {
    return OAuthProvider.builder().id(ID).name("Google").issuer("https://accounts.google.com")
        .scopes("openid", "profile", "email").profile(Google::profile);
  }

  static User profile(Map<String, Object> p) {
    return ProfileMapper.standard().map(p);
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
