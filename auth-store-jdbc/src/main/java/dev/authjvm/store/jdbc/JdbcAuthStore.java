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
 * (shared rate limits) in {@code auth_counter}, both written with the dialect's atomic upsert. It runs on its
 * own tables or, {@link JdbcAuthStoreBuilder#schema sharing the database with an Auth.js app}, on the Prisma adapter's
 * (session records and counters stay in its own two tables): its SQL names its own tables and columns in
 * braces, {@code {auth_user}}, which {@link SchemaNames} spells as the chosen {@link JdbcSchema} does.
 *
 * <pre>{@code
 * AuthStore store = JdbcAuthStore.builder(dataSource).createSchema(true).build();
 * }</pre>
 */
public final class JdbcAuthStore implements AuthStore, AuthenticatorStore, SessionRegistry, CounterStore {
  private static final String USER_COLUMNS = "u.{id}, u.{name}, u.{email}, u.{email_verified}, u.{image}";
  private static final String AUTHENTICATOR_COLUMNS = "{credential_id}, {user_id}, {provider_account_id},"
      + " {credential_public_key}, {counter}, {credential_device_type}, {credential_backed_up}, {transports}";

  private final Sql sql;
  private final Dialect dialect;
  private final SchemaNames names;
  private final Clock clock;
  private final ExpiredRowPurge purge;
  private final SessionRecordTable records;
  private final CounterTable counters;
  private final AutoCloseable owned;

  JdbcAuthStore(JdbcAuthStoreBuilder b, Dialect dialect, SchemaNames names) {
    this.sql = new Sql(b.dataSource);
    this.dialect = dialect;
    this.names = names;
    this.clock = b.clock;
    this.purge = new ExpiredRowPurge(sql, dialect, names, b.clock, b.purgeInterval);
    this.records = new SessionRecordTable(sql, dialect, b.clock);
    this.counters = new CounterTable(sql, dialect, b.clock);
    this.owned = b.owned;
  }

  public static JdbcAuthStoreBuilder builder(DataSource dataSource) {
    return new JdbcAuthStoreBuilder(dataSource);
  }

  public Dialect dialect() {
    return dialect;
  }

  /** The tables it runs on: its own, or the Prisma adapter's. */
  public JdbcSchema schema() {
    return names.schema();
  }

  private String q(String template) {
    return names.sql(template);
  }

  @Override
  public User createUser(User user) {
    sql.update("createUser", q("INSERT INTO {auth_user} ({id}, {name}, {email}, {email_verified}, {image}"
            + names.extraColumns("auth_user") + ") VALUES (?, ?, ?, ?, ?" + names.extraPlaceholders("auth_user") + ")"),
        Sql.params(new Object[] {user.id(), user.name(), user.email(), names.instant(user.emailVerified()), user.image()},
            names.extraValues("auth_user", clock.instant())));
    return user;
  }

  @Override
  public Optional<User> getUser(String id) {
    return sql.queryOne("getUser", q("SELECT " + USER_COLUMNS + " FROM {auth_user} u WHERE u.{id} = ?"),
        this::user, id);
  }

  @Override
  public Optional<User> getUserByEmail(String email) {
    return sql.queryOne("getUserByEmail", q("SELECT " + USER_COLUMNS + " FROM {auth_user} u WHERE u.{email} = ?"),
        this::user, email);
  }

  @Override
  public Optional<User> getUserByAccount(String provider, String providerAccountId) {
    return sql.queryOne("getUserByAccount", q("SELECT " + USER_COLUMNS
            + " FROM {auth_user} u JOIN {auth_account} a ON a.{user_id} = u.{id}"
            + " WHERE a.{provider} = ? AND a.{provider_account_id} = ?"),
        this::user, provider, providerAccountId);
  }

  @Override
  public User updateUser(User user) {
    int updated = sql.update("updateUser",
        q("UPDATE {auth_user} SET {name} = ?, {email} = ?, {email_verified} = ?, {image} = ?" + names.touch("auth_user")
            + " WHERE {id} = ?"),
        Sql.params(new Object[] {user.name(), user.email(), names.instant(user.emailVerified()), user.image()},
            names.touchValues("auth_user", clock.instant()), new Object[] {user.id()}));
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
      if (names.schema().prisma()) {
        Sql.update(c, q("DELETE FROM auth_authenticator_order WHERE credential_id IN"
            + " (SELECT {credential_id} FROM {auth_authenticator} WHERE {user_id} = ?)"), userId);
      }
      Sql.update(c, "DELETE FROM auth_session_record WHERE user_id = ?", userId);
      Sql.update(c, q("DELETE FROM {auth_session} WHERE {user_id} = ?"), userId);
      Sql.update(c, q("DELETE FROM {auth_account} WHERE {user_id} = ?"), userId);
      return Sql.update(c, q("DELETE FROM {auth_user} WHERE {id} = ?"), userId);
    });
  }

  @Override
  public void linkAccount(Account a) {
    sql.update("linkAccount", q("INSERT INTO {auth_account} ({provider}, {provider_account_id}, {user_id}, {type},"
            + " {access_token}, {token_type}, {id_token}, {refresh_token}, {scope}, {expires_at}, {session_state}"
            + names.extraColumns("auth_account") + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?"
            + names.extraPlaceholders("auth_account") + ")"),
        Sql.params(new Object[] {a.provider(), a.providerAccountId(), a.userId(), a.type(), a.accessToken(),
            a.tokenType(), a.idToken(), a.refreshToken(), a.scope(), bigint(a.expiresAt()), a.sessionState()},
            names.extraValues("auth_account", clock.instant())));
  }

  @Override
  public void unlinkAccount(String provider, String providerAccountId) {
    sql.update("unlinkAccount", q("DELETE FROM {auth_account} WHERE {provider} = ? AND {provider_account_id} = ?"),
        provider, providerAccountId);
  }

  @Override
  public Optional<Account> getAccount(String provider, String providerAccountId) {
    return sql.queryOne("getAccount",
        q("SELECT * FROM {auth_account} WHERE {provider} = ? AND {provider_account_id} = ?"),
        this::account, provider, providerAccountId);
  }

  @Override
  public StoredSession createSession(StoredSession session) {
    sql.update("createSession", q("INSERT INTO {auth_session} ({session_token}, {user_id}, {expires}"
            + names.extraColumns("auth_session") + ") VALUES (?, ?, ?" + names.extraPlaceholders("auth_session") + ")"),
        Sql.params(new Object[] {session.sessionToken(), session.userId(), names.instant(session.expires())},
            names.extraValues("auth_session", clock.instant())));
    return session;
  }

  @Override
  public Optional<SessionAndUser> getSessionAndUser(String sessionToken) {
    return sql.queryOne("getSessionAndUser", q("SELECT s.{session_token}, s.{expires}, " + USER_COLUMNS
            + " FROM {auth_session} s JOIN {auth_user} u ON u.{id} = s.{user_id} WHERE s.{session_token} = ?"),
        row -> {
          User user = user(row);
          return new SessionAndUser(new StoredSession(row.getString(names.label("session_token")), user.id(),
              names.instant(row, "expires")), user);
        }, sessionToken);
  }

  @Override
  public Optional<StoredSession> updateSession(String sessionToken, Instant expires) {
    return sql.transaction("updateSession", c -> {
      if (Sql.update(c, q("UPDATE {auth_session} SET {expires} = ?" + names.touch("auth_session")
              + " WHERE {session_token} = ?"),
          Sql.params(new Object[] {names.instant(expires)}, names.touchValues("auth_session", clock.instant()),
              new Object[] {sessionToken})) == 0) {
        return Optional.empty();
      }
      return Sql.queryOne(c, q("SELECT * FROM {auth_session} WHERE {session_token} = ?"), this::session,
          sessionToken);
    });
  }

  @Override
  public Optional<StoredSession> deleteSession(String sessionToken) {
    return sql.transaction("deleteSession", c -> {
      Optional<StoredSession> found = Sql.queryOne(c, q("SELECT * FROM {auth_session} WHERE {session_token} = ?"),
          this::session, sessionToken);
      boolean deleted = Sql.update(c, q("DELETE FROM {auth_session} WHERE {session_token} = ?"), sessionToken) == 1;
      return deleted ? found : Optional.<StoredSession>empty();
    });
  }

  @Override
  public void createVerificationToken(VerificationToken token) {
    sql.update("createVerificationToken",
        q("INSERT INTO {auth_verification_token} ({identifier}, {token_hash}, {expires}) VALUES (?, ?, ?)"),
        token.identifier(), token.tokenHash(), names.instant(token.expires()));
  }

  @Override
  public Optional<VerificationToken> useVerificationToken(String identifier, String tokenHash) {
    // Whoever's DELETE removes the row wins; a racing request waits on the row lock and deletes nothing.
    return sql.transaction("useVerificationToken", c -> {
      Optional<VerificationToken> found = Sql.queryOne(c,
          q("SELECT * FROM {auth_verification_token} WHERE {identifier} = ? AND {token_hash} = ?"),
          row -> new VerificationToken(row.getString(names.label("identifier")),
              row.getString(names.label("token_hash")), names.instant(row, "expires")), identifier, tokenHash);
      if (found.isEmpty()) {
        return found;
      }
      int deleted = Sql.update(c, q("DELETE FROM {auth_verification_token} WHERE {identifier} = ? AND {token_hash} = ?"),
          identifier, tokenHash);
      return deleted == 1 ? found : Optional.<VerificationToken>empty();
    });
  }

  @Override
  public Optional<Authenticator> getAuthenticator(String credentialId) {
    return sql.queryOne("getAuthenticator", q("SELECT " + AUTHENTICATOR_COLUMNS
        + " FROM {auth_authenticator} WHERE {credential_id} = ?"), this::authenticator, credentialId);
  }

  @Override
  public Authenticator createAuthenticator(Authenticator a) {
    String insert = q("INSERT INTO {auth_authenticator} (" + AUTHENTICATOR_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    Object[] values = {a.credentialId(), a.userId(), a.providerAccountId(), a.credentialPublicKey(), a.counter(),
        a.credentialDeviceType(), a.credentialBackedUp(), a.transports()};
    if (!names.schema().prisma()) {
      sql.update("createAuthenticator", insert, values);
      return a;
    }
    // Prisma's Authenticator model keeps no creation order; the store keeps it in a table of its own.
    return sql.transaction("createAuthenticator", c -> {
      Sql.update(c, insert, values);
      Sql.update(c, "INSERT INTO auth_authenticator_order (credential_id) VALUES (?)", a.credentialId());
      return a;
    });
  }

  @Override
  public List<Authenticator> listAuthenticatorsByUserId(String userId) {
    String list = names.schema().prisma()
        ? "SELECT " + AUTHENTICATOR_COLUMNS.replace("{", "a.{") + " FROM {auth_authenticator} a"
            + " LEFT JOIN auth_authenticator_order o ON o.credential_id = a.{credential_id}"
            + " WHERE a.{user_id} = ? ORDER BY o.creation_order, a.{credential_id}"
        : "SELECT " + AUTHENTICATOR_COLUMNS + " FROM {auth_authenticator} WHERE {user_id} = ? ORDER BY creation_order";
    return sql.queryAll("listAuthenticatorsByUserId", q(list), this::authenticator, userId);
  }

  @Override
  public Optional<Authenticator> updateAuthenticatorCounter(String credentialId, long newCounter) {
    return sql.transaction("updateAuthenticatorCounter", c -> {
      if (Sql.update(c, q("UPDATE {auth_authenticator} SET {counter} = ? WHERE {credential_id} = ?"), newCounter,
          credentialId) == 0) {
        return Optional.empty();
      }
      return Sql.queryOne(c, q("SELECT " + AUTHENTICATOR_COLUMNS + " FROM {auth_authenticator} WHERE {credential_id} = ?"),
          this::authenticator, credentialId);
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

  private Authenticator authenticator(ResultSet row) throws SQLException {
    return new Authenticator(row.getString(names.label("credential_id")), row.getString(names.label("user_id")),
        row.getString(names.label("provider_account_id")), row.getString(names.label("credential_public_key")),
        row.getLong("counter"), row.getString(names.label("credential_device_type")),
        row.getBoolean(names.label("credential_backed_up")), row.getString("transports"));
  }

  private User user(ResultSet row) throws SQLException {
    return new User(row.getString("id"), row.getString("name"), row.getString("email"), row.getString("image"),
        names.instant(row, "email_verified"));
  }

  private Account account(ResultSet row) throws SQLException {
    return new Account(row.getString(names.label("user_id")), row.getString("type"), row.getString("provider"),
        row.getString(names.label("provider_account_id")), row.getString("access_token"), row.getString("token_type"),
        row.getString("id_token"), row.getString("refresh_token"), row.getString("scope"),
        Sql.nullableLong(row, "expires_at"), row.getString("session_state"));
  }

  private StoredSession session(ResultSet row) throws SQLException {
    return new StoredSession(row.getString(names.label("session_token")), row.getString(names.label("user_id")),
        names.instant(row, "expires"));
  }

  /**
   * Deletes expired sessions, verification tokens, session records and counters now, in bounded batches (the store also does this
   * every {@link JdbcAuthStoreBuilder#purgeExpiredEvery purge interval}); returns how many rows went.
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
    return "JdbcAuthStore[" + dialect + ", " + names.schema() + " schema]";
  }
}
