package dev.authjvm.core.internal.session;

import dev.authjvm.core.config.AuthConfig;
import dev.authjvm.core.jwt.JwtClaims;
import dev.authjvm.core.provider.RedirectFlowProvider;
import dev.authjvm.core.user.Account;
import java.util.Optional;

/**
 * Signing out of the identity provider too (opt-in {@code federatedSignOut}; Auth.js users have asked for
 * it since https://github.com/nextauthjs/next-auth/issues/836): the JWT session keeps the ID token, and
 * sign-out sends the browser through the provider's end-session endpoint before the callback URL.
 * Clients follow it like any sign-out URL.
 */
final class FederatedSignOut {
  private final AuthConfig config;

  FederatedSignOut(AuthConfig config) {
    this.config = config;
  }

  JwtClaims withIdToken(JwtClaims token, Account account) {
    if (!config.federatedSignOut() || account == null || account.idToken() == null) {
      return token;
    }
    return token.with(TokenRotation.PROVIDER, account.provider()).with(TokenRotation.ID_TOKEN, account.idToken());
  }

  Optional<String> url(JwtClaims ended, String callbackUrl) {
    String idToken = ended.string(TokenRotation.ID_TOKEN);
    if (!config.federatedSignOut() || idToken == null || ended.string(TokenRotation.PROVIDER) == null) {
      return Optional.empty();
    }
    return config.provider(ended.string(TokenRotation.PROVIDER))
        .filter(RedirectFlowProvider.class::isInstance).map(RedirectFlowProvider.class::cast)
        .flatMap(p -> p.endSessionUrl(idToken, callbackUrl));
  }
}
