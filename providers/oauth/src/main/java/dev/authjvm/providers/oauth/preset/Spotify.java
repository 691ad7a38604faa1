package dev.authjvm.providers.oauth.preset;

import dev.authjvm.core.user.User;
import dev.authjvm.providers.oauth.engine.OAuthProvider;
import dev.authjvm.providers.oauth.engine.OAuthProviderBuilder;
import dev.authjvm.providers.oauth.engine.Profiles;
import java.util.Map;

/** Spotify: {@code AUTH_SPOTIFY_ID}, {@code AUTH_SPOTIFY_SECRET}. */
public final class Spotify {
  public static final String ID = "spotify";

  private Spotify() {}

  public static OAuthProviderBuilder builder() {
    return OAuthProvider.builder().id(ID).name("Spotify")
        .authorizationEndpoint("https://accounts.spotify.com/authorize")
        .tokenEndpoint("https://accounts.spotify.com/api/token")
        .userinfoEndpoint("https://api.spotify.com/v1/me")
        .scopes("user-read-email")
        .profile(Spotify::profile);
  }

  static User profile(Map<String, Object> p) {
    return new User(Profiles.require(p, "id"), Profiles.string(p, "display_name"), Profiles.string(p, "email"),
        Profiles.string(p, "images", 0, "url"), null);
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
