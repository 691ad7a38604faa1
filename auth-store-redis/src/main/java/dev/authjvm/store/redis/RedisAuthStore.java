package dev.authjvm.store.redis;

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
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The store on Redis (standalone or cluster) through Lettuce. Every record is one JSON string under
 * its own key, plus index keys for lookups by email and by user; sessions and verification tokens
 * expire in Redis at their own expiry. Uniqueness rests on {@code SET NX}, and single use of a
 * verification token on {@code GETDEL}, so racing instances cannot both win. No command spans two
 * keys on a cluster, so the layout works there without hash tags; on a single node a session read takes the
 * session and its user in one script.
 *
 * <p>Keys, under the prefix (default {@code authjs:}): {@code user:<id>}, {@code user-email:<email>},
 * {@code account:<provider>:<providerAccountId>}, {@code user-accounts:<id>} (set),
 * {@code session:<token>}, {@code user-sessions:<id>} (set), {@code verification:<identifier>:<hash>},
 * {@code authenticator:<credentialId>} (a passkey), {@code user-authenticators:<id>} (list, in creation order);
 * session records and their indexes as {@link RedisSessionRecords} describes, counters as {@link RedisCounters}
 * does. Everything but users, accounts and passkeys expires.
 */
public final class RedisAuthStore implements AuthStore, AuthenticatorStore, SessionRegistry, CounterStore {
  /**
   * The session record and its user's, in one round trip: what every database-session read needs. Only
   * on a single node, since the user's key is known only from the session and may live on another node
   * of a cluster.
   */
  private static final String SESSION_AND_USER = """
      local session = redis.call('GET', KEYS[1])
      if not session then return {} end
      return {session, redis.call('GET', ARGV[1] .. cjson.decode(session).userId)}
      """;
  private final RedisClusterCommands<String, String> redis;
  private final String prefix;
  private final RedisSessionRecords records;
  private final RedisCounters counters;
  private final AutoCloseable connection;
  /** Whether all keys are on one node, so that a script may read keys it was not given. */
  private final boolean singleNode;
  private final String sessionAndUserSha;

  RedisAuthStore(RedisClusterCommands<String, String> redis, String prefix, AutoCloseable connection, boolean singleNode) {
    this.redis = Objects.requireNonNull(redis);
    this.prefix = Objects.requireNonNull(prefix);
    this.records = new RedisSessionRecords(redis, prefix);
    this.counters = new RedisCounters(redis, prefix);
    this.connection = connection;
    this.singleNode = singleNode;
    this.sessionAndUserSha = redis.digest(SESSION_AND_USER);
  }

  /** Connects to {@code redis://host:port/db} (or {@code rediss://}); see {@link RedisStoreBuilder}. */
  public static RedisStoreBuilder builder(String url) {
    return new RedisStoreBuilder(url);
  }

  private String userKey(String id) {
    return prefix + "user:" + id;
  }

  private String emailKey(String email) {
    return prefix + "user-email:" + email;
  }

  private String accountKey(String provider, String providerAccountId) {
    return prefix + "account:" + provider + ":" + providerAccountId;
  }

  private String userAccountsKey(String userId) {
    return prefix + "user-accounts:" + userId;
  }

  private String sessionKey(String token) {
    return prefix + "session:" + token;
  }

  private String userSessionsKey(String userId) {
    return prefix + "user-sessions:" + userId;
  }

  private String tokenKey(String identifier, String hash) {
    return prefix + "verification:" + identifier + ":" + hash;
  }

  private String authenticatorKey(String credentialId) {
    return prefix + "authenticator:" + credentialId;
  }

  private String userAuthenticatorsKey(String userId) {
    return prefix + "user-authenticators:" + userId;
  }

  @Override
  public User createUser(User user) {
    return call("createUser", () -> {
      if (user.email() != null && redis.set(emailKey(user.email()), user.id(), SetArgs.Builder.nx()) == null) {
        throw refused("createUser: the email of user " + user.id() + " belongs to another user");
      }
      if (redis.set(userKey(user.id()), RecordCodec.user(user), SetArgs.Builder.nx()) == null) {
        if (user.email() != null) {
          redis.del(emailKey(user.email()));
        }
        throw refused("createUser: user " + user.id() + " exists already");
      }
      return user;
    });
  }

  @Override
  public Optional<User> getUser(String id) {
    return call("getUser", () -> Optional.ofNullable(redis.get(userKey(id))).map(RecordCodec::user));
  }

  @Override
  public Optional<User> getUserByEmail(String email) {
    return call("getUserByEmail", () -> Optional.ofNullable(redis.get(emailKey(email)))
        .flatMap(this::getUser)
        .filter(u -> email.equals(u.email())));
  }

  @Override
  public Optional<User> getUserByAccount(String provider, String providerAccountId) {
    return call("getUserByAccount", () -> getAccount(provider, providerAccountId).flatMap(a -> getUser(a.userId())));
  }

  @Override
  public User updateUser(User user) {
    return call("updateUser", () -> {
      User old = getUser(user.id()).orElseThrow(() -> refused("updateUser: no user " + user.id()));
      boolean emailChanged = !Objects.equals(old.email(), user.email());
      if (emailChanged && user.email() != null
          && redis.set(emailKey(user.email()), user.id(), SetArgs.Builder.nx()) == null
          && !user.id().equals(redis.get(emailKey(user.email())))) {
        throw refused("updateUser: the email of user " + user.id() + " belongs to another user");
      }
      redis.set(userKey(user.id()), RecordCodec.user(user));
      if (emailChanged && old.email() != null && user.id().equals(redis.get(emailKey(old.email())))) {
        redis.del(emailKey(old.email()));
      }
      return user;
    });
  }

  @Override
  public void deleteUser(String userId) {
    call("deleteUser", () -> {
      Optional<User> user = getUser(userId);
      for (String token : redis.smembers(userSessionsKey(userId))) {
        redis.del(sessionKey(token));
      }
      for (String account : redis.smembers(userAccountsKey(userId))) {
        redis.del(prefix + "account:" + account);
      }
      for (String credentialId : redis.lrange(userAuthenticatorsKey(userId), 0, -1)) {
        redis.del(authenticatorKey(credentialId));
      }
      records.deleteAllOf(userId);
      redis.del(userSessionsKey(userId));
      redis.del(userAccountsKey(userId));
      redis.del(userAuthenticatorsKey(userId));
      user.map(User::email).filter(email -> userId.equals(redis.get(emailKey(email))))
          .ifPresent(email -> redis.del(emailKey(email)));
      redis.del(userKey(userId));
      return null;
    });
  }

  @Override
  public void linkAccount(Account account) {
    call("linkAccount", () -> {
      if (redis.exists(userKey(account.userId())) == 0) {
        throw refused("linkAccount: no user " + account.userId());
      }
      String key = accountKey(account.provider(), account.providerAccountId());
      if (redis.set(key, RecordCodec.account(account), SetArgs.Builder.nx()) == null) {
        throw refused("linkAccount: " + account + " is linked already");
      }
      redis.sadd(userAccountsKey(account.userId()), account.provider() + ":" + account.providerAccountId());
      return null;
    });
  }

  @Override
  public void unlinkAccount(String provider, String providerAccountId) {
    call("unlinkAccount", () -> {
      String json = redis.getdel(accountKey(provider, providerAccountId));
      if (json != null) {
        redis.srem(userAccountsKey(RecordCodec.account(json).userId()), provider + ":" + providerAccountId);
      }
      return null;
    });
  }

  @Override
  public Optional<Account> getAccount(String provider, String providerAccountId) {
    return call("getAccount", () -> Optional.ofNullable(redis.get(accountKey(provider, providerAccountId)))
        .map(RecordCodec::account));
  }

  @Override
  public StoredSession createSession(StoredSession session) {
    return call("createSession", () -> {
      if (redis.exists(userKey(session.userId())) == 0) {
        throw refused("createSession: no user " + session.userId());
      }
      if (redis.set(sessionKey(session.sessionToken()), RecordCodec.session(session),
          SetArgs.Builder.nx().pxAt(session.expires())) == null) {
        throw refused("createSession: duplicate session token");
      }
      indexSession(session);
      return session;
    });
  }

  /**
   * The user's set of session tokens (for deleting a user) lives as long as their newest session;
   * every session has the same lifetime, so the newest one is the last to expire.
   */
  private void indexSession(StoredSession session) {
    redis.sadd(userSessionsKey(session.userId()), session.sessionToken());
    redis.pexpireat(userSessionsKey(session.userId()), session.expires());
  }

  @Override
  public Optional<SessionAndUser> getSessionAndUser(String sessionToken) {
    if (!singleNode) {
      return call("getSessionAndUser", () -> Optional.ofNullable(redis.get(sessionKey(sessionToken)))
          .map(RecordCodec::session)
          .flatMap(s -> getUser(s.userId()).map(u -> new SessionAndUser(s, u))));
    }
    return call("getSessionAndUser", () -> {
      List<Object> found = sessionAndUser(sessionKey(sessionToken));
      // [session, user], [session] when the user is gone (Lua ends a list at nil), or [] without a session.
      if (found.size() < 2) {
        return Optional.<SessionAndUser>empty();
      }
      return Optional.of(new SessionAndUser(RecordCodec.session((String) found.get(0)), RecordCodec.user((String) found.get(1))));
    });
  }

  /** The script by its digest; sent whole when the server does not know it (first use, a restart, SCRIPT FLUSH). */
  private List<Object> sessionAndUser(String sessionKey) {
    String[] keys = {sessionKey};
    try {
      return redis.evalsha(sessionAndUserSha, ScriptOutputType.MULTI, keys, userKey(""));
    } catch (RedisNoScriptException e) {
      return redis.eval(SESSION_AND_USER, ScriptOutputType.MULTI, keys, userKey(""));
    }
  }

  @Override
  public Optional<StoredSession> updateSession(String sessionToken, Instant expires) {
    return call("updateSession", () -> {
      String json = redis.get(sessionKey(sessionToken));
      if (json == null) {
        return Optional.<StoredSession>empty();
      }
      StoredSession updated = new StoredSession(sessionToken, RecordCodec.session(json).userId(), expires);
      // XX: a session deleted in the meantime stays deleted.
      if (redis.set(sessionKey(sessionToken), RecordCodec.session(updated), SetArgs.Builder.xx().pxAt(expires)) == null) {
        return Optional.<StoredSession>empty();
      }
      indexSession(updated);
      return Optional.of(updated);
    });
  }

  @Override
  public Optional<StoredSession> deleteSession(String sessionToken) {
    return call("deleteSession", () -> {
      Optional<StoredSession> deleted = Optional.ofNullable(redis.getdel(sessionKey(sessionToken)))
          .map(RecordCodec::session);
      deleted.ifPresent(s -> redis.srem(userSessionsKey(s.userId()), sessionToken));
      return deleted;
    });
  }

  @Override
  public void createVerificationToken(VerificationToken token) {
    call("createVerificationToken", () -> redis.set(tokenKey(token.identifier(), token.tokenHash()),
        RecordCodec.token(token), SetArgs.Builder.pxAt(token.expires())));
  }

  @Override
  public Optional<VerificationToken> useVerificationToken(String identifier, String tokenHash) {
    return call("useVerificationToken", () -> Optional.ofNullable(redis.getdel(tokenKey(identifier, tokenHash)))
        .map(RecordCodec::token));
  }

  @Override
  public Optional<Authenticator> getAuthenticator(String credentialId) {
    return call("getAuthenticator", () -> Optional.ofNullable(redis.get(authenticatorKey(credentialId)))
        .map(RecordCodec::authenticator));
  }

  @Override
  public Authenticator createAuthenticator(Authenticator authenticator) {
    return call("createAuthenticator", () -> {
      if (redis.exists(userKey(authenticator.userId())) == 0) {
        throw refused("createAuthenticator: no user " + authenticator.userId());
      }
      if (redis.set(authenticatorKey(authenticator.credentialId()), RecordCodec.authenticator(authenticator),
          SetArgs.Builder.nx()) == null) {
        throw refused("createAuthenticator: " + authenticator + " exists already");
      }
      redis.rpush(userAuthenticatorsKey(authenticator.userId()), authenticator.credentialId());
      return authenticator;
    });
  }

  @Override
  public List<Authenticator> listAuthenticatorsByUserId(String userId) {
    return call("listAuthenticatorsByUserId", () -> redis.lrange(userAuthenticatorsKey(userId), 0, -1).stream()
        .map(this::getAuthenticator).flatMap(Optional::stream).filter(a -> a.userId().equals(userId)).toList());
  }

  @Override
  public Optional<Authenticator> updateAuthenticatorCounter(String credentialId, long newCounter) {
    return call("updateAuthenticatorCounter", () -> {
      Optional<Authenticator> updated = getAuthenticator(credentialId).map(a -> a.withCounter(newCounter));
      // XX: a passkey deleted in the meantime stays deleted.
      if (updated.isEmpty() || redis.set(authenticatorKey(credentialId), RecordCodec.authenticator(updated.get()),
          SetArgs.Builder.xx()) == null) {
        return Optional.<Authenticator>empty();
      }
      return updated;
    });
  }

  @Override
  public void saveSessionRecord(SessionRecord record) {
    call("saveSessionRecord", () -> {
      records.save(record);
      return null;
    });
  }

  @Override
  public boolean replaceSessionRecord(SessionRecord record) {
    return call("replaceSessionRecord", () -> records.replace(record));
  }

  @Override
  public Optional<SessionRecord> findSessionRecord(String id) {
    return call("findSessionRecord", () -> records.find(id));
  }

  @Override
  public List<SessionRecord> listSessionRecords(String userId) {
    return call("listSessionRecords", () -> records.list(userId));
  }

  @Override
  public List<SessionRecord> findSessionRecordsByProvider(String provider, String providerSubject,
                                                          String providerSessionId) {
    return call("findSessionRecordsByProvider", () -> records.byProvider(provider, providerSubject, providerSessionId));
  }

  @Override
  public Optional<SessionRecord> deleteSessionRecord(String id) {
    return call("deleteSessionRecord", () -> records.delete(id));
  }

  @Override
  public Count incrementCounter(String key, Duration window) {
    return call("incrementCounter", () -> counters.increment(key, window));
  }

  @Override
  public void decrementCounter(String key) {
    call("decrementCounter", () -> {
      counters.decrement(key);
      return null;
    });
  }

  /** Closes the connection and the client this store opened; nothing when the connection was given. */
  @Override
  public void close() {
    if (connection != null) {
      try {
        connection.close();
      } catch (Exception e) {
        throw new StoreException("closing the Redis connection failed", e);
      }
    }
  }

  private static StoreException refused(String why) {
    return new StoreException(why, null);
  }

  private static <T> T call(String operation, Supplier<T> command) {
    try {
      return command.get();
    } catch (RedisException e) {
      throw new StoreException(operation + " failed: " + e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return "RedisAuthStore[prefix " + prefix + "]";
  }
}
