package dev.authjvm.client;

import java.util.Optional;

/**
 * Told when the session the client last saw changes: signed in, signed out, or different data (after
 * {@link AuthClient#update}, a sign-in as someone else, or a change on the server seen by polling). A
 * later expiry alone is not a change. Called on the thread that fetched the session (the caller's, or
 * the polling thread); an exception thrown here is logged and does not reach the caller.
 */
@FunctionalInterface
public interface SessionListener {
  /**
   * @param previous the session seen before, empty when signed out or nothing was fetched yet
   * @param current  the session now, empty when signed out
   */
  void sessionChanged(Optional<Session> previous, Optional<Session> current);
}
