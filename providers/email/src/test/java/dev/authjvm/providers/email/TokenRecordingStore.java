package dev.authjvm.providers.email;

import dev.authjvm.core.store.AuthStore;
import dev.authjvm.core.store.SessionAndUser;
import dev.authjvm.core.store.StoredSession;
import dev.authjvm.core.store.VerificationToken;
import dev.authjvm.core.user.Account;
import dev.authjvm.core.user.User;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** A real store that also remembers which verification tokens were created, so a test can look for orphans. */
final class TokenRecordingStore implements AuthStore {
  private final AuthStore store;
  final List<VerificationToken> created = new CopyOnWriteArrayList<>();

  TokenRecordingStore(AuthStore store) {
    this.store = store;
  }

  AuthStore delegate() {
    return store;
  }

  @Override public User createUser(User user) { return store.createUser(user); }
  @Override public Optional<User> getUser(String id) { return store.getUser(id); }
  @Override public Optional<User> getUserByEmail(String email) { return store.getUserByEmail(email); }
  @Override public Optional<User> getUserByAccount(String p, String id) { return store.getUserByAccount(p, id); }
  @Override public User updateUser(User user) { return store.updateUser(user); }
  @Override public void deleteUser(String userId) { store.deleteUser(userId); }
  @Override public void linkAccount(Account account) { store.linkAccount(account); }
  @Override public void unlinkAccount(String p, String id) { store.unlinkAccount(p, id); }
  @Override public Optional<Account> getAccount(String p, String id) { return store.getAccount(p, id); }
  @Override public StoredSession createSession(StoredSession s) { return store.createSession(s); }
  @Override public Optional<SessionAndUser> getSessionAndUser(String t) { return store.getSessionAndUser(t); }
  @Override public Optional<StoredSession> updateSession(String t, Instant e) { return store.updateSession(t, e); }
  @Override public Optional<StoredSession> deleteSession(String t) { return store.deleteSession(t); }

  @Override
  public void createVerificationToken(VerificationToken token) {
    store.createVerificationToken(token);
    created.add(token);
  }

  @Override
  public Optional<VerificationToken> useVerificationToken(String identifier, String hash) {
    return store.useVerificationToken(identifier, hash);
  }
}
