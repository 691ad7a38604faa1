package dev.authjvm.providers.oauth.preset;

import dev.authjvm.core.user.User;
import dev.authjvm.providers.oauth.engine.OAuthProvider;
import dev.authjvm.providers.oauth.engine.OAuthProviderBuilder;
import dev.authjvm.providers.oauth.engine.Profiles;
import java.util.Map;

/** Facebook Login: {@code AUTH_FACEBOOK_ID}, {@code AUTH_FACEBOOK_SECRET}. */
public final class Facebook {
  public static final String ID = "facebook";
  /** The Graph API version the endpoints use; Meta supports each for about two years. */
  static final String GRAPH_VERSION = "v21.0";

  private Facebook() {}

  public static OAuthProviderBuilder builder() {
    return OAuthProvider.builder().id(ID).name("Facebook")
        .authorizationEndpoint("https://www.facebook.com/" + GRAPH_VERSION + "/dialog/oauth")
        .tokenEndpoint("https://graph.facebook.com/" + GRAPH_VERSION + "/oauth/access_token")
        .userinfoEndpoint("https://graph.facebook.com/" + GRAPH_VERSION + "/me?fields=id,name,email,picture")
        .scopes("email", "public_profile")
        .profile(Facebook::profile);
  }

  static User profile(Map<String, Object> p) {
    return new User(Profiles.require(p, "id"), Profiles.string(p, "name"), Profiles.string(p, "email"),
        Profiles.string(p, "picture", "data", "url"), null);
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
