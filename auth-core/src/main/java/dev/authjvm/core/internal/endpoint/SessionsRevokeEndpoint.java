package dev.authjvm.core.internal.endpoint;

import dev.authjvm.core.http.AuthResponse;
import dev.authjvm.core.http.SetCookie;
import dev.authjvm.core.internal.route.Outcome;
import dev.authjvm.core.internal.route.Problems;
import dev.authjvm.core.internal.route.RequestContext;
import dev.authjvm.core.internal.route.Responses;
import dev.authjvm.core.internal.route.Route;
import dev.authjvm.core.internal.session.ManagedSessions;
import dev.authjvm.core.internal.session.SessionManager;
import dev.authjvm.core.observe.AuthObserver;
import dev.authjvm.core.session.RevocationCause;
import dev.authjvm.core.store.SessionRecord;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /sessions/revoke}, an extension of the Auth.js API: the signed-in user ends one of their
 * sessions ({@code sessionId}), all others ({@code others=true}) or all ({@code all=true}). CSRF-checked.
 * Answers like sign-out: {@code {"url","revoked"}} in either JSON mode, else a redirect to the callback URL;
 * ending the current session clears its cookie. An id that is unknown or another user's is 404 and
 * revokes nothing, so that nothing is learnt about other users' sessions.
 */
final class SessionsRevokeEndpoint implements Route.Endpoint {
  private final ManagedSessions managed;
  private final SessionManager sessions;
  private final AuthObserver observer;

  SessionsRevokeEndpoint(ManagedSessions managed, SessionManager sessions, AuthObserver observer) {
    this.managed = managed;
    this.sessions = sessions;
    this.observer = observer;
  }

  @Override
  public Outcome handle(RequestContext ctx) {
    if (!ctx.csrfVerified()) {
      return Responses.missingCsrf(ctx, "signout", observer);
    }
    if (!managed.available()) {
      return Outcome.respond(SessionsEndpoint.unavailable());
    }
    Optional<SessionRecord> current = managed.current(ctx);
    if (current.isEmpty()) {
      return Outcome.respond(Problems.sessionRequired());
    }
    String userId = current.get().userId();
    String currentId = current.get().id();
    String sessionId = ctx.body().field("sessionId");
    int revoked;
    boolean endsCurrent;
    if ("true".equals(ctx.body().field("all"))) {
      revoked = managed.revokeWhere(userId, r -> true, RevocationCause.USER);
      endsCurrent = true;
    } else if ("true".equals(ctx.body().field("others"))) {
      revoked = managed.revokeWhere(userId, r -> !r.id().equals(currentId), RevocationCause.USER);
      endsCurrent = false;
    } else if (sessionId != null && !sessionId.isEmpty()) {
      if (!managed.revoke(userId, sessionId, RevocationCause.USER)) {
        return Outcome.respond(AuthResponse.json(404, Map.of("error", "SessionNotFound",
            "message", "No session of yours has this id")));
      }
      revoked = 1;
      endsCurrent = sessionId.equals(currentId);
    } else {
      return Outcome.respond(AuthResponse.json(400, Map.of("error", "BadRequest",
          "message", "Send sessionId, others=true or all=true")));
    }
    List<SetCookie> cookies = endsCurrent ? sessions.end(ctx).cookies() : List.of();
    if (ctx.returnRedirectHeader() || ctx.jsonField()) {
      return Outcome.respond(AuthResponse.json(200, Map.of("url", ctx.callbackUrl(), "revoked", revoked))
          .withCookies(cookies));
    }
    return Outcome.redirect(ctx.callbackUrl(), cookies);
  }
}
