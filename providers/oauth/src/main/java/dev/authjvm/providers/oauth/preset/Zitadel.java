package dev.authjvm.providers.oauth.preset;

import dev.authjvm.providers.oauth.engine.OAuthProviderBuilder;
import dev.authjvm.providers.oauth.engine.ProfileMapper;

/**
 * ZITADEL (OpenID Connect): {@code AUTH_ZITADEL_ID}, {@code AUTH_ZITADEL_SECRET} and {@code AUTH_ZITADEL_ISSUER},
 * e.g. {@code https://your-instance.zitadel.cloud} (exactly as the discovery document's {@code issuer}).
 */
public final class Zitadel {
  public static final String ID = "zitadel";

  private Zitadel() {}

  public static OAuthProviderBuilder builder(String issuer) {
    return StandardOidc.builder(ID, "ZITADEL", issuer, ProfileMapper.standard());
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
