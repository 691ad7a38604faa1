package dev.authjvm.core.internal.endpoint;

import dev.authjvm.core.internal.route.Outcome;
import dev.authjvm.core.internal.route.RequestContext;
import dev.authjvm.core.internal.route.Responses;
import dev.authjvm.core.internal.route.Route;
import dev.authjvm.core.internal.session.SessionManager;
import dev.authjvm.core.observe.AuthObserver;

/**
 * {@code POST /signout}: CSRF-checked; ends the session (a database session is deleted; a JWT session's
 * record is, when sessions are tracked, so a copied token dies too; an untracked JWT session lives in its
 * cookie alone, and a copy stays valid until it expires) and sends the browser to the callback URL, or
 * first through the identity provider's sign-out when federated sign-out is on.
 */
final class SignOutEndpoint implements Route.Endpoint {
  private final SessionManager sessions;
  private final AuthObserver observer;

  SignOutEndpoint(SessionManager sessions, AuthObserver observer) {
    this.sessions = sessions;
    this.observer = observer;
  }

  @Override
  public Outcome handle(RequestContext ctx) {
    if (!ctx.csrfVerified()) {
      return Responses.missingCsrf(ctx, "signout", observer);
    }
    if (!sessions.hasCookie(ctx)) {
      return Outcome.redirect(ctx.callbackUrl());
    }
    SessionManager.Ended ended = sessions.end(ctx);
    return Outcome.redirect(ended.identityProviderSignOut().orElse(ctx.callbackUrl()), ended.cookies());
  }
}
