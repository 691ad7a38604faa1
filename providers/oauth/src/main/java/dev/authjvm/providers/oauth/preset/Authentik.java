package dev.authjvm.providers.oauth.preset;

import dev.authjvm.providers.oauth.engine.OAuthProviderBuilder;
import dev.authjvm.providers.oauth.engine.ProfileMapper;

/**
 * authentik (OpenID Connect): {@code AUTH_AUTHENTIK_ID}, {@code AUTH_AUTHENTIK_SECRET} and {@code AUTH_AUTHENTIK_ISSUER},
 * e.g. {@code https://authentik.example.com/application/o/your-app/} (exactly as the discovery document's {@code issuer}).
 */
public final class Authentik {
  public static final String ID = "authentik";

  private Authentik() {}

  public static OAuthProviderBuilder builder(String issuer) {
    return StandardOidc.builder(ID, "Authentik", issuer, ProfileMapper.standard());
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
