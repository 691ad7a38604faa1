package dev.authjvm.core.action;

import dev.authjvm.core.jwt.JwtClaims;
import java.util.Optional;

/**
 * {@code POST /signout}: CSRF-checked; ends the session (a JWT session is stateless, so a copied
 * token stays valid until it expires; a database session is deleted) and sends the browser to the
 * callback URL, or first through the identity provider's sign-out when federated sign-out is on.
 */
final class SignOutAction {
  private final SessionKeeper sessions;

  SignOutAction(SessionKeeper sessions) {
    this.sessions = sessions;
  }

  Outcome signOut(ActionContext ctx) {
    if (!ctx.csrfVerified()) {
      return ErrorRedirects.missingCsrf(ctx, "signout");
    }
    Optional<JwtClaims> ended = sessions.hasCookie(ctx) ? sessions.end(ctx) : Optional.empty();
    return Outcome.redirect(ended.flatMap(token -> FederatedSignOut.url(ctx, token)).orElse(ctx.callbackUrl()));
  }
}
