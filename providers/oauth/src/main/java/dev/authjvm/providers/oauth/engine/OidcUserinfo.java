package dev.authjvm.providers.oauth.engine;

/**
 * When an OpenID Connect provider's UserInfo endpoint is read at sign-in. A provider may keep the claims
 * the {@code profile} and {@code email} scopes ask for out of the ID token and answer them only at
 * UserInfo (OIDC Core 5.4 allows it whenever an access token is issued; Okta's org server and
 * {@code oidc-provider} do it), so by default UserInfo is read exactly when the ID token lacks them.
 */
public enum OidcUserinfo {
  /**
   * When the ID token has none of the claims of a granted standard scope ({@code profile}: {@code name},
   * {@code preferred_username}, {@code picture}...; {@code email}: {@code email}; {@code address};
   * {@code phone}). The granted scopes are the token response's {@code scope}, else the configured ones.
   */
  WHEN_CLAIMS_MISSING,
  /** At every sign-in, for providers whose UserInfo has more than their ID token. */
  ALWAYS,
  /** Never: the profile is the ID token's claims. */
  NEVER
}
