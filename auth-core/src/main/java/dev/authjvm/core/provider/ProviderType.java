package dev.authjvm.core.provider;

/**
 * The provider types of the protocol, as {@code GET /providers} names them. Clients post credentials
 * and passkey responses to {@code /callback/:id} and everything else to {@code /signin/:id}.
 */
public enum ProviderType {
  OAUTH("oauth"), OIDC("oidc"), EMAIL("email"), CREDENTIALS("credentials"), WEBAUTHN("webauthn");

  private final String wireName;

  ProviderType(String wireName) {
    this.wireName = wireName;
  }

  /** The {@code type} value of {@code GET /providers}. */
  public String wireName() {
    return wireName;
  }
}
