package dev.authjvm.core.callback;

import dev.authjvm.core.session.Session;

/** Shapes what {@code GET /session} answers; the default answers the session as built. */
@FunctionalInterface
public interface SessionCallback {
  Session session(SessionParams params);
}
