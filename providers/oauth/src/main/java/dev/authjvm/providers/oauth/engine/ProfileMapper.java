package dev.authjvm.providers.oauth.engine;

import dev.authjvm.core.user.User;
import java.util.Map;

/**
 * Turns a provider's profile (ID-token claims or the userinfo JSON) into the user Auth.js knows:
 * {@code {id, name, email, image}}. The id must be the provider's stable account id.
 */
@FunctionalInterface
public interface ProfileMapper {
  User map(Map<String, Object> profile);

  /** The OIDC standard claims, as Auth.js's default profile reads them. */
  static ProfileMapper standard() {
    return p -> new User(Profiles.require(p, "sub"),
        Profiles.first(p, "name", "nickname", "preferred_username"),
        Profiles.string(p, "email"), Profiles.string(p, "picture"), null);
  }
}
