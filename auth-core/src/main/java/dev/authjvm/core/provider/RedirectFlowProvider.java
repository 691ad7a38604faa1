package dev.authjvm.core.provider;

import java.util.Optional;

/**
 * A provider whose sign-in leaves the site and comes back to {@code /callback/:id}: OAuth 2.0 and
 * OpenID Connect. The core does everything around the two steps (CSRF, the signIn callback, users and
 * accounts, the session, events, redirects); the provider only proves who the user is. Implementations
 * keep no state between the two steps other than what they put in check cookies, so any server
 * instance can finish a flow.
 */
public non-sealed interface RedirectFlowProvider extends Provider {
  @Override
  default <R> R match(Cases<R> cases) {
    return cases.redirectFlow(this);
  }

  /** {@code POST /signin/:id} (CSRF already verified): where to send the browser, with check cookies. */
  FlowStep start(FlowRequest request);

  /** {@code GET|POST /callback/:id}: the verified user, or why not. */
  FlowStep callback(FlowRequest request);

  /** Whether {@link #refresh} works: OAuth providers that issue refresh tokens. */
  default boolean refreshesTokens() {
    return false;
  }

  /**
   * Exchanges a refresh token for new tokens (OAuth's {@code refresh_token} grant). Used when
   * {@code refreshAccessTokens} is on; the core calls it at most once at a time per refresh token.
   *
   * @throws TokenRefreshException when the provider refuses or cannot be reached
   */
  default TokenSet refresh(String refreshToken) {
    throw new TokenRefreshException(id() + " does not refresh tokens");
  }

  /**
   * As {@link #refresh(String)}, with the ID token the session holds (from the sign-in or the last
   * refresh), so that an OpenID Connect provider can check that a refreshed ID token is about the same
   * subject (OpenID Connect Core 1.0 §12.2). The core calls this one; by default it ignores the ID token.
   *
   * @param idToken the session's latest ID token, or {@code null} when it has none
   */
  default TokenSet refresh(String refreshToken, String idToken) {
    return refresh(refreshToken);
  }

  /**
   * The identity provider's sign-out URL (OIDC RP-initiated logout: {@code end_session_endpoint} with
   * {@code id_token_hint} and {@code post_logout_redirect_uri}), used when federated sign-out is on.
   */
  default Optional<String> endSessionUrl(String idToken, String postLogoutRedirectUri) {
    return Optional.empty();
  }

  /**
   * Whether the identity provider may end sessions by calling {@code POST <basePath>/backchannel-logout/<id>}
   * (OpenID Connect Back-Channel Logout 1.0).
   */
  default boolean acceptsBackChannelLogout() {
    return false;
  }

  /**
   * Validates a back-channel {@code logout_token} completely: its signature against the provider's
   * keys, {@code iss}, {@code aud}, {@code iat} within a window, the back-channel {@code events} member, no
   * {@code nonce}, and a {@code sid} or {@code sub}. Whether its {@code jti} was seen before is the core's
   * check, across instances.
   *
   * @throws InvalidLogoutTokenException naming what is wrong
   */
  default LogoutToken verifyLogoutToken(String logoutToken) {
    throw new InvalidLogoutTokenException(id() + " does not accept back-channel logout");
  }

  /** Whether a new account may attach to an existing user with the same email (off: {@code OAuthAccountNotLinked}). */
  default boolean allowDangerousEmailAccountLinking() {
    return false;
  }
}
