package dev.authjvm.core.store;

import dev.authjvm.core.user.Account;
import dev.authjvm.core.user.User;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A store in this JVM's memory, for development and tests: it forgets everything on restart and is
 * not shared between instances. Thread-safe (one lock; simple beats fast here). Expired sessions and
 * verification tokens are dropped as new ones are written, at most once a minute, so memory holds only
 * what is still valid. Passes the store conformance kit like the real stores.
 */
public final class InMemoryAuthStore implements AuthStore, AuthenticatorStore, SessionRegistry, CounterStore {
  private static final Duration SWEEP_INTERVAL = Duration.ofMinutes(1);
  private final Clock clock;
  private Instant nextSweep = Instant.MIN;
  private final Map<String, User> users = new HashMap<>();
  private final Map<String, Account> accounts = new HashMap<>();
  private final Map<String, StoredSession> sessions = new HashMap<>();
  private final Map<String, VerificationToken> tokens = new HashMap<>();
  private final Map<String, Authenticator> authenticators = new LinkedHashMap<>();
  private final Map<String, SessionRecord> records = new HashMap<>();
  private final Map<String, Count> counters = new HashMap<>();

  public InMemoryAuthStore() {
    this(Clock.systemUTC());
  }

  /** Never waits on IO: its calls take one lock held only for in-memory work. */
  @Override
  public boolean mayBlock() {
    return false;
  }

  /** With the clock that decides what has expired. */
  public InMemoryAuthStore(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Drops what has expired, if a minute has passed since the last sweep; called on every write. */
  private void sweepExpired() {
    Instant now = clock.instant();
    if (now.isBefore(nextSweep)) {
      return;
    }
    nextSweep = now.plus(SWEEP_INTERVAL);
    sessions.values().removeIf(s -> s.expires().isBefore(now));
    tokens.values().removeIf(t -> t.expires().isBefore(now));
    records.values().removeIf(r -> !r.expires().isAfter(now));
    counters.values().removeIf(c -> !c.resetsAt().isAfter(now));
  }

  /** How many sessions, verification tokens, session records and counters are kept; for tests. */
  public synchronized int storedTokens() {
    return sessions.size() + tokens.size() + records.size() + counters.size();
  }

  private static String accountKey(String provider, String providerAccountId) {
    return provider + "\u0000" + providerAccountId;
  }

  @Override
  public synchronized User createUser(User user) {
    if (users.containsKey(user.id()) || user.email() != null && getUserByEmail(user.email()).isPresent()) {
      throw new StoreException("user " + user.id() + " or its email exists already", null);
    }
    users.put(user.id(), user);
    return user;
  }

  @Override
  public synchronized Optional<User> getUser(String id) {
    return Optional.ofNullable(users.get(id));
  }

  @Override
  public synchronized Optional<User> getUserByEmail(String email) {
    return users.values().stream().filter(u -> email != null && email.equals(u.email())).findFirst();
  }

  @Override
  public synchronized Optional<User> getUserByAccount(String provider, String providerAccountId) {
    return Optional.ofNullable(accounts.get(accountKey(provider, providerAccountId))).map(a -> users.get(a.userId()));
  }

  @Override
  public synchronized User updateUser(User user) {
    if (!users.containsKey(user.id())) {
      throw new StoreException("no user " + user.id(), null);
    }
    users.put(user.id(), user);
    return user;
  }

  @Override
  public synchronized void deleteUser(String userId) {
    users.remove(userId);
    accounts.values().removeIf(a -> a.userId().equals(userId));
    sessions.values().removeIf(s -> s.userId().equals(userId));
    authenticators.values().removeIf(a -> a.userId().equals(userId));
    records.values().removeIf(r -> r.userId().equals(userId));
  }

  @Override
  public synchronized void linkAccount(Account account) {
    String key = accountKey(account.provider(), account.providerAccountId());
    if (accounts.containsKey(key) || !users.containsKey(account.userId())) {
      throw new StoreException(account + " is linked already or its user does not exist", null);
    }
    accounts.put(key, account);
  }

  @Override
  public synchronized void unlinkAccount(String provider, String providerAccountId) {
    accounts.remove(accountKey(provider, providerAccountId));
  }

  @Override
  public synchronized Optional<Account> getAccount(String provider, String providerAccountId) {
    return Optional.ofNullable(accounts.get(accountKey(provider, providerAccountId)));
  }

  @Override
  public synchronized StoredSession createSession(StoredSession session) {
    if (!users.containsKey(session.userId()) || sessions.containsKey(session.sessionToken())) {
      throw new StoreException("session of unknown user " + session.userId() + " or duplicate token", null);
    }
    sweepExpired();
    sessions.put(session.sessionToken(), session);
    return session;
  }

  @Override
  public synchronized Optional<SessionAndUser> getSessionAndUser(String sessionToken) {
    StoredSession s = sessions.get(sessionToken);
    return s == null ? Optional.empty() : Optional.ofNullable(users.get(s.userId())).map(u -> new SessionAndUser(s, u));
  }

  @Override
  public synchronized Optional<StoredSession> updateSession(String sessionToken, Instant expires) {
    return Optional.ofNullable(sessions.computeIfPresent(sessionToken,
        (k, s) -> new StoredSession(s.sessionToken(), s.userId(), expires)));
  }

  @Override
  public synchronized Optional<StoredSession> deleteSession(String sessionToken) {
    return Optional.ofNullable(sessions.remove(sessionToken));
  }

  @Override
  public synchronized void createVerificationToken(VerificationToken token) {
    sweepExpired();
    tokens.put(accountKey(token.identifier(), token.tokenHash()), Objects.requireNonNull(token));
  }

  @Override
  public synchronized Optional<VerificationToken> useVerificationToken(String identifier, String tokenHash) {
    return Optional.ofNullable(tokens.remove(accountKey(identifier, tokenHash)));
  }

  @Override
  public synchronized Optional<Authenticator> getAuthenticator(String credentialId) {
    return Optional.ofNullable(authenticators.get(credentialId));
  }

  @Override
  public synchronized Authenticator createAuthenticator(Authenticator authenticator) {
    if (authenticators.containsKey(authenticator.credentialId()) || !users.containsKey(authenticator.userId())) {
      throw new StoreException(authenticator + " exists already or its user does not exist", null);
    }
    authenticators.put(authenticator.credentialId(), authenticator);
    return authenticator;
  }

  @Override
  public synchronized List<Authenticator> listAuthenticatorsByUserId(String userId) {
    return authenticators.values().stream().filter(a -> a.userId().equals(userId)).toList();
  }

  @Override
  public synchronized Optional<Authenticator> updateAuthenticatorCounter(String credentialId, long newCounter) {
    return Optional.ofNullable(authenticators.computeIfPresent(credentialId, (k, a) -> a.withCounter(newCounter)));
  }

  @Override
  public synchronized void saveSessionRecord(SessionRecord record) {
    sweepExpired();
    records.put(record.id(), Objects.requireNonNull(record));
  }

  @Override
  public synchronized boolean replaceSessionRecord(SessionRecord record) {
    sweepExpired();
    return records.computeIfPresent(record.id(), (id, old) -> unexpired(old) ? record : null) != null;
  }

  @Override
  public synchronized Optional<SessionRecord> findSessionRecord(String id) {
    return Optional.ofNullable(records.get(id)).filter(this::unexpired);
  }

  @Override
  public synchronized List<SessionRecord> listSessionRecords(String userId) {
    return records.values().stream().filter(r -> r.userId().equals(userId)).filter(this::unexpired).toList();
  }

  @Override
  public synchronized List<SessionRecord> findSessionRecordsByProvider(String provider, String providerSubject,
                                                                    String providerSessionId) {
    return records.values().stream().filter(r -> provider.equals(r.provider())).filter(this::unexpired)
        .filter(r -> providerSessionId != null ? providerSessionId.equals(r.providerSessionId())
            : providerSubject != null && providerSubject.equals(r.providerSubject()))
        .toList();
  }

  @Override
  public synchronized Optional<SessionRecord> deleteSessionRecord(String id) {
    return Optional.ofNullable(records.remove(id));
  }

  private boolean unexpired(SessionRecord record) {
    return record.expires().isAfter(clock.instant());
  }

  @Override
  public synchronized Count incrementCounter(String key, Duration window) {
    Instant now = clock.instant();
    sweepExpired();
    Count current = counters.get(key);
    Count next = current == null || !current.resetsAt().isAfter(now) ? new Count(1, now.plus(window))
        : new Count(current.value() + 1, current.resetsAt());
    counters.put(key, next);
    return next;
  }

  @Override
  public synchronized void decrementCounter(String key) {
    counters.computeIfPresent(key, (k, c) -> c.value() <= 1 ? null : new Count(c.value() - 1, c.resetsAt()));
  }
}
