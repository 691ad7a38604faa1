package dev.authjvm.core.internal.endpoint;

import dev.authjvm.core.internal.route.Outcome;
import dev.authjvm.core.internal.route.RequestContext;
import dev.authjvm.core.internal.route.Responses;
import dev.authjvm.core.internal.route.Route;
import dev.authjvm.core.internal.session.SessionManager;
import dev.authjvm.core.observe.AuthObserver;

/** {@code POST /session}: the client's {@code update(data)}, CSRF-checked; a failure is 400 with the no-session body. */
final class SessionUpdateEndpoint implements Route.Endpoint {
  private final SessionManager sessions;
  private final AuthObserver observer;

  SessionUpdateEndpoint(SessionManager sessions, AuthObserver observer) {
    this.sessions = sessions;
    this.observer = observer;
  }

  @Override
  public Outcome handle(RequestContext ctx) {
    if (!ctx.csrfVerified()) {
      observer.csrfRejected(ctx.action());
      return Outcome.respond(Responses.noSession(ctx.protocol(), 400));
    }
    return Outcome.respond(sessions.answer(ctx, ctx.body().json().get("data"), true));
  }
}
