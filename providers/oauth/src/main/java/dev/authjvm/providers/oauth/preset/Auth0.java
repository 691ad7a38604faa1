package dev.authjvm.providers.oauth.preset;

import dev.authjvm.providers.oauth.engine.OAuthProviderBuilder;
import dev.authjvm.providers.oauth.engine.ProfileMapper;

/**
 * Auth0 (OpenID Connect): {@code AUTH_AUTH0_ID}, {@code AUTH_AUTH0_SECRET} and {@code AUTH_AUTH0_ISSUER},
 * e.g. {@code https://your-tenant.eu.auth0.com/} (exactly as the discovery document's {@code issuer}).
 */
public final class Auth0 {
  public static final String ID = "auth0";

  private Auth0() {}

  public static OAuthProviderBuilder builder(String issuer) {
    return StandardOidc.builder(ID, "Auth0", issuer, ProfileMapper.standard());
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
