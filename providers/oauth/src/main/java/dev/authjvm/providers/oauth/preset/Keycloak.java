package dev.authjvm.providers.oauth.preset;

import dev.authjvm.providers.oauth.engine.OAuthProviderBuilder;
import dev.authjvm.providers.oauth.engine.ProfileMapper;

/**
 * Keycloak (OpenID Connect): {@code AUTH_KEYCLOAK_ID}, {@code AUTH_KEYCLOAK_SECRET} and {@code AUTH_KEYCLOAK_ISSUER},
 * e.g. {@code https://keycloak.example.com/realms/your-realm} (exactly as the discovery document's {@code issuer}).
 */
public final class Keycloak {
  public static final String ID = "keycloak";

  private Keycloak() {}

  public static OAuthProviderBuilder builder(String issuer) {
    return StandardOidc.builder(ID, "Keycloak", issuer, ProfileMapper.standard());
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
