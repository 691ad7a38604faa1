package dev.authjvm.core.store;

import dev.authjvm.core.user.Account;
import dev.authjvm.core.user.User;
import java.time.Instant;
import java.util.Optional;

/**
 * Persistence of users, accounts, database sessions and email verification tokens: the Auth.js
 * adapter contract. Implementations are thread-safe and report failures as {@link StoreException};
 * an unknown id is an empty result, never an exception. Expired sessions and verification tokens are
 * removed by the store in the background (or never returned, where the storage expires them itself),
 * so that tokens nobody uses again do not pile up.
 */
public interface AuthStore extends AutoCloseable {
  /** Inserts a user whose id the core generated; fails if the email is taken. */
  User createUser(User user);

  Optional<User> getUser(String id);

  /** Looks up by the normalised (lower-case) address. */
  Optional<User> getUserByEmail(String email);

  Optional<User> getUserByAccount(String provider, String providerAccountId);

  /** Replaces the user's fields (matched by id) and returns the stored result. */
  User updateUser(User user);

  /** Deletes the user with its accounts and sessions; nothing happens for an unknown id. */
  void deleteUser(String userId);

  /** Fails if (provider, providerAccountId) is linked already. */
  void linkAccount(Account account);

  void unlinkAccount(String provider, String providerAccountId);

  Optional<Account> getAccount(String provider, String providerAccountId);

  StoredSession createSession(StoredSession session);

  Optional<SessionAndUser> getSessionAndUser(String sessionToken);

  /** Moves the expiry; empty when the session does not exist. */
  Optional<StoredSession> updateSession(String sessionToken, Instant expires);

  /** Deletes the session and returns what was deleted, if anything. */
  Optional<StoredSession> deleteSession(String sessionToken);

  void createVerificationToken(VerificationToken token);

  /**
   * Returns the token and deletes it, atomically: when two requests use the same token at once,
   * exactly one of them gets it.
   */
  Optional<VerificationToken> useVerificationToken(String identifier, String tokenHash);

  /**
   * Whether a call may wait on IO: a database, the network, a file. Adapters whose server runs IO threads
   * that must never block (Undertow) answer a session read on such a thread only when nothing it asks may
   * block. Stores on a network say yes (the default); a store kept in memory says no.
   */
  default boolean mayBlock() {
    return true;
  }

  /** Releases what the store holds (a pool it opened, a background task); by default nothing. */
  @Override
  default void close() {}
}
