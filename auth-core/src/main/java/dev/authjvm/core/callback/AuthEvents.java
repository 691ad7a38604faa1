package dev.authjvm.core.callback;

import dev.authjvm.core.jwt.JwtClaims;
import dev.authjvm.core.session.RevocationCause;
import dev.authjvm.core.session.Session;
import dev.authjvm.core.session.SessionInfo;
import dev.authjvm.core.store.StoredSession;
import dev.authjvm.core.user.Account;
import dev.authjvm.core.user.User;
import java.util.Map;

/**
 * Notifications after the fact (audit logs, metrics). They cannot change the outcome; an exception
 * thrown here is logged and otherwise ignored. Every method defaults to doing nothing.
 */
public interface AuthEvents {
  AuthEvents NONE = new AuthEvents() {};

  /** After every successful sign-in. */
  default void signIn(User user, Account account, boolean isNewUser) {}

  /** After sign-out; {@code token} for JWT sessions, {@code session} for database sessions. */
  default void signOut(JwtClaims token, StoredSession session) {}

  /** After every successful session read or update. */
  default void session(Session session, JwtClaims token) {}

  default void createUser(User user) {}

  default void updateUser(User user) {}

  default void linkAccount(User user, Account account) {}

  /** After a session was revoked; it ends at its next read. */
  default void revokeSession(SessionInfo session, RevocationCause cause) {}

  /** After the server changed a user's session data ({@code SessionManagement.update}). */
  default void updateSessions(String userId, Map<String, Object> data) {}
}
