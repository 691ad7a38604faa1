package dev.authjvm.store.jdbc;

import static dev.authjvm.store.jdbc.Sql.bigint;

import dev.authjvm.core.store.AuthStore;
import dev.authjvm.core.store.Authenticator;
import dev.authjvm.core.store.AuthenticatorStore;
import dev.authjvm.core.store.CounterStore;
import dev.authjvm.core.store.SessionAndUser;
import dev.authjvm.core.store.SessionRecord;
import dev.authjvm.core.store.SessionRegistry;
import dev.authjvm.core.store.StoreException;
import dev.authjvm.core.store.StoredSession;
import dev.authjvm.core.store.VerificationToken;
import dev.authjvm.core.user.Account;
import dev.authjvm.core.user.User;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The store on a relational database through plain JDBC, over the application's own (pooled)
 * {@link DataSource}. Uniqueness is the database's job (primary keys and a unique email), so two
 * instances racing for the same row cannot both win; reads that must not be repeated (a
 * verification token, a deleted session) are decided by the row count of one {@code DELETE}. Passkeys
 * live in {@code auth_authenticator}, session records in {@code auth_session_record} and expiring counters
 * (shared rate limits) in {@code auth_counter}, both written with the dialect's atomic upsert.
 *
 * <pre>{@code
 * AuthStore store = JdbcAuthStore.builder(dataSource).createSchema(true).build();
 * }</pre>
 */
public final class JdbcAuthStore implements AuthStore, AuthenticatorStore, SessionRegistry, CounterStore {
  private static final String USER_COLUMNS = "u.id, u.name, u.email, u.email_verified, u.image";
  private static final String AUTHENTICATOR_COLUMNS = "credential_id, user_id, provider_account_id,"
      + " credential_public_key, counter, credential_device_type, credential_backed_up, transports";

  private final Sql sql;
  private final Dialect dialect;
  private final ExpiredRowPurge purge;
  private final SessionRecordTable records;
  private final CounterTable counters;
  private final AutoCloseable owned;

  private JdbcAuthStore(Builder b, Dialect dialect) {
    this.sql = new Sql(b.dataSource);
    this.dialect = dialect;
    this.records = new SessionRecordTable(sql, dialect, b.clock);
    this.counters = new CounterTable(sql, dialect, b.clock);
    this.purge = new ExpiredRowPurge(sql, dialect, b.clock, b.purgeInterval);
    this.owned = b.owned;
  }

  public static Builder builder(DataSource dataSource) {
    return new Builder(dataSource);
  }

  public Dialect dialect() {
    return dialect;
  }

  @Override
  public User createUser(User user) {
    sql.update("createUser", "INSERT INTO auth_user (id, name, email, email_verified, image) VALUES (?, ?, ?, ?, ?)",
        user.id(), user.name(), user.email(), bigint(user.emailVerified()), user.image());
    return user;
  }

  @Override
  public Optional<User> getUser(String id) {
    return sql.queryOne("getUser", "SELECT " + USER_COLUMNS + " FROM auth_user u WHERE u.id = ?",
        JdbcAuthStore::user, id);
  }

  @Override
  public Optional<User> getUserByEmail(String email) {
    return sql.queryOne("getUserByEmail", "SELECT " + USER_COLUMNS + " FROM auth_user u WHERE u.email = ?",
        JdbcAuthStore::user, email);
  }

  @Override
  public Optional<User> getUserByAccount(String provider, String providerAccountId) {
    return sql.queryOne("getUserByAccount", "SELECT " + USER_COLUMNS
            + " FROM auth_user u JOIN auth_account a ON a.user_id = u.id"
            + " WHERE a.provider = ? AND a.provider_account_id = ?",
        JdbcAuthStore::user, provider, providerAccountId);
  }

  @Override
  public User updateUser(User user) {
    int updated = sql.update("updateUser",
        "UPDATE auth_user SET name = ?, email = ?, email_verified = ?, image = ? WHERE id = ?",
        user.name(), user.email(), bigint(user.emailVerified()), user.image(), user.id());
    if (updated == 0) {
      throw new StoreException("updateUser failed: no user " + user.id(), null);
    }
    return user;
  }

  @Override
  public void deleteUser(String userId) {
    // Explicit deletes rather than relying on ON DELETE CASCADE alone, so a schema that was
    // migrated without the foreign keys still loses nothing half-way. Passkeys go by the cascade only:
    // a deployment that has not created auth_authenticator yet can still delete users. Session records have
    // no foreign key (a JWT session's user need not be stored).
    sql.transaction("deleteUser", c -> {
      Sql.update(c, "DELETE FROM auth_session_record WHERE user_id = ?", userId);
      Sql.update(c, "DELETE FROM auth_session WHERE user_id = ?", userId);
      Sql.update(c, "DELETE FROM auth_account WHERE user_id = ?", userId);
      return Sql.update(c, "DELETE FROM auth_user WHERE id = ?", userId);
    });
  }

  @Override
  public void linkAccount(Account a) {
    sql.update("linkAccount", "INSERT INTO auth_account (provider, provider_account_id, user_id, type, access_token,"
            + " token_type, id_token, refresh_token, scope, expires_at, session_state)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        a.provider(), a.providerAccountId(), a.userId(), a.type(), a.accessToken(), a.tokenType(), a.idToken(),
        a.refreshToken(), a.scope(), bigint(a.expiresAt()), a.sessionState());
  }

  @Override
  public void unlinkAccount(String provider, String providerAccountId) {
    sql.update("unlinkAccount", "DELETE FROM auth_account WHERE provider = ? AND provider_account_id = ?",
        provider, providerAccountId);
  }

  @Override
  public Optional<Account> getAccount(String provider, String providerAccountId) {
    return sql.queryOne("getAccount", "SELECT * FROM auth_account WHERE provider = ? AND provider_account_id = ?",
        JdbcAuthStore::account, provider, providerAccountId);
  }

  @Override
  public StoredSession createSession(StoredSession session) {
    sql.update("createSession", "INSERT INTO auth_session (session_token, user_id, expires) VALUES (?, ?, ?)",
        session.sessionToken(), session.userId(), session.expires());
    return session;
  }

  @Override
  public Optional<SessionAndUser> getSessionAndUser(String sessionToken) {
    return sql.queryOne("getSessionAndUser", "SELECT s.session_token, s.expires, " + USER_COLUMNS
            + " FROM auth_session s JOIN auth_user u ON u.id = s.user_id WHERE s.session_token = ?",
        row -> {
          User user = user(row);
          return new SessionAndUser(new StoredSession(row.getString("session_token"), user.id(),
              Sql.instant(row, "expires")), user);
        }, sessionToken);
  }

  @Override
  public Optional<StoredSession> updateSession(String sessionToken, Instant expires) {
    return sql.transaction("updateSession", c -> {
      if (Sql.update(c, "UPDATE auth_session SET expires = ? WHERE session_token = ?", expires, sessionToken) == 0) {
        return Optional.empty();
      }
      return Sql.queryOne(c, "SELECT * FROM auth_session WHERE session_token = ?", JdbcAuthStore::session,
          sessionToken);
    });
  }

  @Override
  public Optional<StoredSession> deleteSession(String sessionToken) {
    return sql.transaction("deleteSession", c -> {
      Optional<StoredSession> found = Sql.queryOne(c, "SELECT * FROM auth_session WHERE session_token = ?",
          JdbcAuthStore::session, sessionToken);
      boolean deleted = Sql.update(c, "DELETE FROM auth_session WHERE session_token = ?", sessionToken) == 1;
      return deleted ? found : Optional.<StoredSession>empty();
    });
  }

  @Override
  public void createVerificationToken(VerificationToken token) {
    sql.update("createVerificationToken",
        "INSERT INTO auth_verification_token (identifier, token_hash, expires) VALUES (?, ?, ?)",
        token.identifier(), token.tokenHash(), token.expires());
  }

  @Override
  public Optional<VerificationToken> useVerificationToken(String identifier, String tokenHash) {
    // Whoever's DELETE removes the row wins; a racing request waits on the row lock and deletes nothing.
    return sql.transaction("useVerificationToken", c -> {
      Optional<VerificationToken> found = Sql.queryOne(c,
          "SELECT * FROM auth_verification_token WHERE identifier = ? AND token_hash = ?",
          row -> new VerificationToken(row.getString("identifier"), row.getString("token_hash"),
              Sql.instant(row, "expires")), identifier, tokenHash);
      if (found.isEmpty()) {
        return found;
      }
      int deleted = Sql.update(c, "DELETE FROM auth_verification_token WHERE identifier = ? AND token_hash = ?",
          identifier, tokenHash);
      return deleted == 1 ? found : Optional.<VerificationToken>empty();
    });
  }

  @Override
  public Optional<Authenticator> getAuthenticator(String credentialId) {
    return sql.queryOne("getAuthenticator", "SELECT " + AUTHENTICATOR_COLUMNS
        + " FROM auth_authenticator WHERE credential_id = ?", JdbcAuthStore::authenticator, credentialId);
  }

  @Override
  public Authenticator createAuthenticator(Authenticator a) {
    sql.update("createAuthenticator", "INSERT INTO auth_authenticator (" + AUTHENTICATOR_COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)", a.credentialId(), a.userId(), a.providerAccountId(),
        a.credentialPublicKey(), a.counter(), a.credentialDeviceType(), a.credentialBackedUp(), a.transports());
    return a;
  }

  @Override
  public List<Authenticator> listAuthenticatorsByUserId(String userId) {
    return sql.queryAll("listAuthenticatorsByUserId", "SELECT " + AUTHENTICATOR_COLUMNS
        + " FROM auth_authenticator WHERE user_id = ? ORDER BY creation_order", JdbcAuthStore::authenticator, userId);
  }

  @Override
  public Optional<Authenticator> updateAuthenticatorCounter(String credentialId, long newCounter) {
    return sql.transaction("updateAuthenticatorCounter", c -> {
      if (Sql.update(c, "UPDATE auth_authenticator SET counter = ? WHERE credential_id = ?", newCounter, credentialId) == 0) {
        return Optional.empty();
      }
      return Sql.queryOne(c, "SELECT " + AUTHENTICATOR_COLUMNS + " FROM auth_authenticator WHERE credential_id = ?",
          JdbcAuthStore::authenticator, credentialId);
    });
  }

  @Override
  public void saveSessionRecord(SessionRecord record) {
    records.save(record);
  }

  @Override
  public Optional<SessionRecord> findSessionRecord(String id) {
    return records.find(id);
  }

  @Override
  public boolean replaceSessionRecord(SessionRecord record) {
    return records.replace(record);
  }

  @Override
  public List<SessionRecord> listSessionRecords(String userId) {
    return records.list(userId);
  }

  @Override
  public List<SessionRecord> findSessionRecordsByProvider(String provider, String providerSubject,
                                                          String providerSessionId) {
    return records.byProvider(provider, providerSubject, providerSessionId);
  }

  @Override
  public Optional<SessionRecord> deleteSessionRecord(String id) {
    return records.delete(id);
  }

  @Override
  public Count incrementCounter(String key, Duration window) {
    return counters.increment(key, window);
  }

  @Override
  public void decrementCounter(String key) {
    counters.decrement(key);
  }

  private static Authenticator authenticator(ResultSet row) throws SQLException {
    return new Authenticator(row.getString("credential_id"), row.getString("user_id"),
        row.getString("provider_account_id"), row.getString("credential_public_key"), row.getLong("counter"),
        row.getString("credential_device_type"), row.getBoolean("credential_backed_up"), row.getString("transports"));
  }

  private static User user(ResultSet row) throws SQLException {
    return new User(row.getString("id"), row.getString("name"), row.getString("email"), row.getString("image"),
        Sql.instant(row, "email_verified"));
  }

  private static Account account(ResultSet row) throws SQLException {
    return new Account(row.getString("user_id"), row.getString("type"), row.getString("provider"),
        row.getString("provider_account_id"), row.getString("access_token"), row.getString("token_type"),
        row.getString("id_token"), row.getString("refresh_token"), row.getString("scope"),
        Sql.nullableLong(row, "expires_at"), row.getString("session_state"));
  }

  private static StoredSession session(ResultSet row) throws SQLException {
    return new StoredSession(row.getString("session_token"), row.getString("user_id"), Sql.instant(row, "expires"));
  }

  /**
   * Deletes expired sessions, verification tokens, session records and counters now, in bounded batches (the store also does this
   * every {@link Builder#purgeExpiredEvery purge interval}); returns how many rows went.
   */
  public int purgeExpired() {
    return purge.run();
  }

  /** Stops the purge, and closes the pool if the store opened it itself (from the environment). */
  @Override
  public void close() {
    purge.close();
    if (owned != null) {
      try {
        owned.close();
      } catch (Exception e) {
        throw new StoreException("closing the store's pool failed", e);
      }
    }
  }

  @Override
  public String toString() {
    return "JdbcAuthStore[" + dialect + "]";
  }

  /** Configures a {@link JdbcAuthStore}; {@link #build()} checks the database is reachable. */
  public static final class Builder {
    private final DataSource dataSource;
    private Dialect dialect;
    private boolean createSchema;
    private Duration purgeInterval = Duration.ofHours(1);
    private Clock clock = Clock.systemUTC();
    private AutoCloseable owned;

    private Builder(DataSource dataSource) {
      this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /** The database's dialect; detected from the driver when not set. */
    public Builder dialect(Dialect dialect) {
      this.dialect = dialect;
      return this;
    }

    /** Creates missing tables at start-up (off by default: run the shipped schema file yourself). */
    public Builder createSchema(boolean createSchema) {
      this.createSchema = createSchema;
      return this;
    }

    /** How often expired sessions, verification tokens, session records and counters are deleted; default hourly, {@link Duration#ZERO} never. */
    public Builder purgeExpiredEvery(Duration interval) {
      if (interval.isNegative()) {
        throw new IllegalArgumentException("purge interval must not be negative");
      }
      this.purgeInterval = interval;
      return this;
    }

    /** The clock that decides what has expired; default the system's. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Something the store closes with itself, such as a pool made only for it. */
    public Builder closeWith(AutoCloseable resource) {
      this.owned = resource;
      return this;
    }

    public JdbcAuthStore build() {
      Dialect chosen = dialect != null ? dialect : Dialect.of(dataSource);
      if (createSchema) {
        SchemaInstaller.install(dataSource, chosen);
      }
      return new JdbcAuthStore(this, chosen);
    }
  }
}
