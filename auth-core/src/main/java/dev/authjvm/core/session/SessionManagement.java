package dev.authjvm.core.session;

import dev.authjvm.core.http.AuthRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A user's sessions as a resource the application manages: list them, revoke one, all, or all but the
 * current one, and change their data from the server. JWT sessions and database sessions alike, with a
 * store that keeps session records (the JDBC, Redis and in-memory stores do); without one, {@link
 * #available()} is false and every other method throws {@link IllegalStateException}, since a JWT
 * session then lives in its cookie alone and nothing can revoke it before it expires.
 * Obtained from {@code Auth.sessions()}; thread-safe.
 */
public interface SessionManagement {
  /** Whether sessions are tracked: a store with a session registry is configured, and tracking is on. */
  boolean available();

  /** The user's live sessions, the most recently seen first. */
  List<SessionInfo> list(String userId);

  /** The id of the request's session, if it is a live, tracked one. */
  Optional<String> currentSessionId(AuthRequest request);

  /**
   * Ends one of the user's sessions at its next read. False, and nothing ends, when the id is unknown or
   * belongs to another user.
   */
  boolean revoke(String userId, String sessionId);

  /** Ends all of the user's sessions ("sign out everywhere"); returns how many. */
  int revokeAll(String userId);

  /** Ends all of the user's sessions but {@code keepSessionId}; returns how many. */
  int revokeOthers(String userId, String keepSessionId);

  /**
   * Changes the user's session data from the server; every session of the user shows it at its next
   * read. {@code name}, {@code email} and {@code image} change the stored user (when there is one) and the
   * session's user; a JWT session also receives all of {@code data} in the jwt callback, with trigger
   * {@code update}, as if the client had called {@code update(data)}. Returns how many sessions will see it.
   */
  int update(String userId, Map<String, Object> data);
}
