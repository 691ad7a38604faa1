package dev.authjvm.core.action;

/**
 * {@code POST /signout}: CSRF-checked; ends the session (a JWT session is stateless, so a copied
 * token stays valid until it expires; a database session is deleted) and sends the browser to the
 * callback URL.
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
    if (sessions.hasCookie(ctx)) {
      sessions.end(ctx);
    }
    return Outcome.redirect(ctx.callbackUrl());
  }
}
