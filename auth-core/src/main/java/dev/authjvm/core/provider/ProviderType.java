package dev.authjvm.core.provider;

/** The provider kinds of the Auth.js protocol; clients POST credentials to {@code /callback/:id}, the rest to {@code /signin/:id}. */
public enum ProviderType {
  OAUTH("oauth"), OIDC("oidc"), EMAIL("email"), CREDENTIALS("credentials");

  private final String wireName;

  ProviderType(String wireName) {
    this.wireName = wireName;
  }

  /** The {@code type} value of {@code GET /providers}. */
  public String wireName() {
    return wireName;
  }
}
