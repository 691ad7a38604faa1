package dev.authjvm.core.action;

import dev.authjvm.core.jwt.JwtClaims;

/**
 * {@code POST /signout}: CSRF-checked; clears every session cookie chunk and sends the browser to the
 * callback URL. A JWT session is stateless, so a copied token stays valid until it expires.
 */
final class SignOutAction {
  private final JwtSessions sessions;

  SignOutAction(JwtSessions sessions) {
    this.sessions = sessions;
  }

  Outcome signOut(ActionContext ctx) {
    if (!ctx.csrfVerified()) {
      return ErrorRedirects.missingCsrf(ctx, "signout");
    }
    if (sessions.hasCookie(ctx)) {
      JwtClaims token = sessions.decode(ctx).orElse(null);
      sessions.clear(ctx);
      Events.fire("signOut", () -> ctx.config.events().signOut(token, null));
    }
    return Outcome.redirect(ctx.callbackUrl());
  }
}
