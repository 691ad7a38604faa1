package dev.authjvm.providers.oauth.preset;

import dev.authjvm.providers.oauth.engine.OAuthProviderBuilder;
import dev.authjvm.providers.oauth.engine.ProfileMapper;

/**
 * Okta (OpenID Connect): {@code AUTH_OKTA_ID}, {@code AUTH_OKTA_SECRET} and {@code AUTH_OKTA_ISSUER},
 * e.g. {@code https://your-org.okta.com/oauth2/default} (exactly as the discovery document's {@code issuer}).
 */
public final class Okta {
  public static final String ID = "okta";

  private Okta() {}

  public static OAuthProviderBuilder builder(String issuer) {
    return StandardOidc.builder(ID, "Okta", issuer, ProfileMapper.standard());
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
