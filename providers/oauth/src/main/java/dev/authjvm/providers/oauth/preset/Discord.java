package dev.authjvm.providers.oauth.preset;

import dev.authjvm.core.user.User;
import dev.authjvm.providers.oauth.engine.EmailVerification;
import dev.authjvm.providers.oauth.engine.OAuthProvider;
import dev.authjvm.providers.oauth.engine.OAuthProviderBuilder;
import dev.authjvm.providers.oauth.engine.Profiles;
import java.math.BigInteger;
import java.util.Map;

/** Discord: {@code AUTH_DISCORD_ID}, {@code AUTH_DISCORD_SECRET}. */
public final class Discord {
  public static final String ID = "discord";

  private Discord() {}

  public static OAuthProviderBuilder builder() {
    return OAuthProvider.builder().id(ID).name("Discord")
        .authorizationEndpoint("https://discord.com/api/oauth2/authorize")
        .tokenEndpoint("https://discord.com/api/oauth2/token")
        .userinfoEndpoint("https://discord.com/api/users/@me")
        .scopes("identify", "email")
        // The user object's verified flag is about its email address.
        .emailVerification(EmailVerification.claim("verified"))
        .profile(Discord::profile);
  }

  static User profile(Map<String, Object> p) {
    String id = Profiles.require(p, "id");
    String avatar = Profiles.string(p, "avatar");
    String image;
    if (avatar != null) {
      // Animated avatars have hashes starting with a_ and are served as GIF.
      image = "https://cdn.discordapp.com/avatars/" + id + "/" + avatar + (avatar.startsWith("a_") ? ".gif" : ".png");
    } else {
      // Discord's default avatars: users on the new username system by id, legacy ones by discriminator.
      String discriminator = Profiles.string(p, "discriminator");
      long index = discriminator == null || "0".equals(discriminator)
          ? new BigInteger(id).shiftRight(22).mod(BigInteger.valueOf(6)).longValue()
          : Long.parseLong(discriminator) % 5;
      image = "https://cdn.discordapp.com/embed/avatars/" + index + ".png";
    }
    return new User(id, Profiles.first(p, "global_name", "username"), Profiles.string(p, "email"), image, null);
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
