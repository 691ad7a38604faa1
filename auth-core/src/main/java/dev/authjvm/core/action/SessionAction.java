package dev.authjvm.core.action;

/**
 * {@code GET /session} reads the session (and slides its expiry); {@code POST /session} is the
 * client's {@code update(data)}, CSRF-checked: a failure is 400 with the no-session body.
 */
final class SessionAction {
  private final SessionKeeper sessions;

  SessionAction(SessionKeeper sessions) {
    this.sessions = sessions;
  }

  Outcome get(ActionContext ctx) {
    return Outcome.respond(AuthEngine.noCache(sessions.answer(ctx, null, false)));
  }

  Outcome update(ActionContext ctx) {
    if (!ctx.csrfVerified()) {
      return Outcome.respond(AuthEngine.noSession(ctx, 400));
    }
    return Outcome.respond(sessions.answer(ctx, ctx.body.json().get("data"), true));
  }
}
