package dev.authjvm.core.callback;

import dev.authjvm.core.jwt.JwtClaims;
import dev.authjvm.core.session.Session;
import dev.authjvm.core.store.StoredSession;
import dev.authjvm.core.user.Account;
import dev.authjvm.core.user.User;

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
}
