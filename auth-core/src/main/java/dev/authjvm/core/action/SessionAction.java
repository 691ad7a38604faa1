package dev.authjvm.core.action;

import dev.authjvm.core.callback.JwtCallback;
import dev.authjvm.core.callback.JwtParams;
import dev.authjvm.core.callback.JwtTrigger;
import dev.authjvm.core.config.ProtocolVersion;
import dev.authjvm.core.http.AuthResponse;
import dev.authjvm.core.jwt.JwtClaims;
import dev.authjvm.core.session.Session;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /session} reads the session and slides its expiry (the token is re-encrypted with a
 * fresh {@code exp} on every read); {@code POST /session} is the client's {@code update(data)}.
 */
final class SessionAction {
  private final JwtSessions sessions;

  SessionAction(JwtSessions sessions) {
    this.sessions = sessions;
  }

  Outcome get(ActionContext ctx) {
    return Outcome.respond(AuthEngine.noCache(answer(ctx, null, false)));
  }

  /** CSRF-checked; a failure is 400 with the no-session body, as in Auth.js. */
  Outcome update(ActionContext ctx) {
    if (!ctx.csrfVerified()) {
      return Outcome.respond(AuthEngine.noSession(ctx, 400));
    }
    Object data = ctx.body.json().get("data");
    return Outcome.respond(answer(ctx, data, true));
  }

  private AuthResponse answer(ActionContext ctx, Object data, boolean isUpdate) {
    if (!sessions.hasCookie(ctx)) {
      return AuthEngine.noSession(ctx, 200);
    }
    Optional<JwtClaims> decoded = sessions.decode(ctx);
    if (decoded.isEmpty()) {
      sessions.clear(ctx);
      return AuthEngine.noSession(ctx, 200);
    }
    JwtCallback jwt = ctx.config.callbacks().jwt();
    JwtClaims token = jwt.jwt(new JwtParams(decoded.get(), null, null, Map.of(), false,
        isUpdate ? JwtTrigger.UPDATE : null, data));
    if (token == null) {
      sessions.clear(ctx);
      return AuthEngine.noSession(ctx, 200);
    }
    // v4 builds the user from the decoded token, v5 from the one the callback returned.
    JwtClaims shown = ctx.protocol() == ProtocolVersion.V5 ? token : decoded.get();
    Session session = sessions.toSession(ctx, shown, data);
    sessions.issue(ctx, token);
    Events.fire("session", () -> ctx.config.events().session(session, token));
    return session == null ? AuthEngine.noSession(ctx, 200) : AuthResponse.json(200, session);
  }
}
