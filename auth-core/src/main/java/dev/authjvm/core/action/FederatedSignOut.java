package dev.authjvm.core.action;

import dev.authjvm.core.config.AuthConfig;
import dev.authjvm.core.jwt.JwtClaims;
import dev.authjvm.core.provider.RedirectFlowProvider;
import dev.authjvm.core.user.Account;
import java.util.Optional;

/**
 * Signing out of the identity provider too (opt-in {@code federatedSignOut}; research §2.12, Auth.js
 * #836): the JWT session keeps the ID token, and sign-out sends the browser through the provider's
 * end-session endpoint before the callback URL. Clients follow it like any sign-out URL.
 */
final class FederatedSignOut {
  static final String PROVIDER = "provider";
  static final String ID_TOKEN = "id_token";

  private FederatedSignOut() {}

  static JwtClaims withIdToken(AuthConfig config, JwtClaims token, Account account) {
    if (!config.federatedSignOut() || account == null || account.idToken() == null) {
      return token;
    }
    return token.with(PROVIDER, account.provider()).with(ID_TOKEN, account.idToken());
  }

  static Optional<String> url(ActionContext ctx, JwtClaims ended) {
    if (!ctx.config.federatedSignOut() || ended.string(ID_TOKEN) == null || ended.string(PROVIDER) == null) {
      return Optional.empty();
    }
    return ctx.config.provider(ended.string(PROVIDER))
        .filter(RedirectFlowProvider.class::isInstance).map(RedirectFlowProvider.class::cast)
        .flatMap(p -> p.endSessionUrl(ended.string(ID_TOKEN), ctx.callbackUrl()));
  }
}
