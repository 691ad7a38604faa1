package dev.authjvm.providers.oauth.preset;

import dev.authjvm.providers.oauth.engine.OAuthProvider;
import dev.authjvm.providers.oauth.engine.OAuthProviderBuilder;
import dev.authjvm.providers.oauth.engine.ProfileMapper;

/**
 * What the self-hosted and tenant-based OpenID Connect presets share: discovery from the issuer, the
 * {@code openid profile email} scopes, and (unless the preset says otherwise) the standard claims as the user.
 */
final class StandardOidc {
  private StandardOidc() {}

  static OAuthProviderBuilder builder(String id, String name, String issuer, ProfileMapper profile) {
    return OAuthProvider.builder().id(id).name(name).issuer(issuer)
        .scopes("openid", "profile", "email")
        .profile(profile);
  }
}
