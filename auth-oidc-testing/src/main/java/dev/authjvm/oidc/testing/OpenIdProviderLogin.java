package dev.authjvm.oidc.testing;

import java.net.URI;

/**
 * A user at an OpenID Provider, without a browser: what a test needs to do there by hand. Implement it
 * for the provider you check against (its login form, consent page and logout confirmation);
 * {@link OidcProviderDevLogin} is the implementation for {@code oidc-provider}.
 */
public interface OpenIdProviderLogin {
  /**
   * Visits {@code authorizationUrl} and does what the provider asks (log in, consent) until it sends the
   * browser back to the client: returns that URL (the client's {@code redirect_uri} with {@code code} or
   * {@code error}), not visited. When the agent already has a session at the provider (or the request says
   * {@code prompt=none}), the provider may answer at once.
   */
  URI authorize(UserAgent agent, URI authorizationUrl);

  /**
   * Visits the provider's end-session URL (RP-initiated logout) and confirms the logout where the
   * provider asks, until it sends the browser back to the client: returns that URL (the
   * {@code post_logout_redirect_uri}), not visited. The agent's session at the provider is over afterwards.
   */
  URI endSession(UserAgent agent, URI endSessionUrl);
}
