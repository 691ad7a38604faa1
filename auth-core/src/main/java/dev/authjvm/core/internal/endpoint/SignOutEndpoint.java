package dev.authjvm.core.internal.endpoint;

import dev.authjvm.core.internal.route.Outcome;
import dev.authjvm.core.internal.route.RequestContext;
import dev.authjvm.core.internal.route.Responses;
import dev.authjvm.core.internal.route.Route;
import dev.authjvm.core.internal.session.SessionManager;
import dev.authjvm.core.observe.AuthObserver;

/**
 * {@code POST /signout}: CSRF-checked; ends the session (a JWT session is stateless, so a copied token
 * stays valid until it expires; a database session is deleted) and sends the browser to the callback
 * URL, or first through the identity provider's sign-out when federated sign-out is on.
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
