package dev.authjvm.core.internal.endpoint;

import dev.authjvm.core.internal.route.Outcome;
import dev.authjvm.core.internal.route.RequestContext;
import dev.authjvm.core.internal.route.Responses;
import dev.authjvm.core.internal.route.Route;
import dev.authjvm.core.internal.session.SessionManager;

/**
 * {@code GET /session} reads the session and slides its expiry. It mints no CSRF cookie, unlike
 * Auth.js: a page's first {@code GET /session} and a sign-in's {@code GET /csrf} leave together before
 * any cookie exists, and when the session answer landed second its fresh CSRF cookie replaced the one
 * the sign-in was about to submit (MissingCSRF, seen with the real clients in the browser tests).
 */
final class SessionEndpoint implements Route.Endpoint {
  private final SessionManager sessions;

  SessionEndpoint(SessionManager sessions) {
    this.sessions = sessions;
  }

  @Override
  public Outcome handle(RequestContext ctx) {
    return Outcome.respond(Responses.noCache(sessions.answer(ctx, null, false)));
  }
}
