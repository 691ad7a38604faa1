package dev.authjvm.core.internal.session;

import com.nimbusds.jwt.JWTParser;
import dev.authjvm.core.config.AuthConfig;
import dev.authjvm.core.internal.route.RequestContext;
import dev.authjvm.core.store.SessionRecord;
import dev.authjvm.core.store.SessionRegistry;
import dev.authjvm.core.text.LogSafe;
import dev.authjvm.core.user.Account;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Session records in the store's registry, for both strategies: made at sign-in, seen on reads (written at
 * most every {@link #SEEN_INTERVAL}), and forgotten at sign-out. A no-op when the store keeps no records.
 */
final class SessionTracker {
  /** How stale a record's {@code lastSeenAt} may get: the store is written at most this often per session. */
  static final Duration SEEN_INTERVAL = Duration.ofMinutes(5);
  private static final int MAX_USER_AGENT = 256;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final AuthConfig config;
  private final Optional<SessionRegistry> registry;

  SessionTracker(AuthConfig config) {
    this.config = config;
    this.registry = config.sessionRegistry();
  }

  boolean enabled() {
    return registry.isPresent();
  }

  /** A fresh JWT session id: 128 random bits. */
  static String newId() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** A database session's id: a hash of its token, so that the id shown reveals nothing of the token. */
  static String idOfToken(String sessionToken) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(sessionToken.getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  /** Records a new session; {@code account} is {@code null} when a session is adopted rather than signed in. */
  SessionRecord start(RequestContext ctx, String id, String userId, Account account, Lifetime lifetime,
                      Instant recordExpires, String sessionToken) {
    String userAgent = ctx.request().headers().first("User-Agent").map(ua -> LogSafe.text(ua, MAX_USER_AGENT))
        .orElse(null);
    SessionRecord record = new SessionRecord(id, userId, lifetime.startedAt(), ctx.now(), recordExpires, userAgent,
        lifetime.storedMaxAge(config), lifetime.persistent(), account == null ? null : account.provider(),
        account == null ? null : account.providerAccountId(), account == null ? null : providerSessionId(account),
        sessionToken, null, null);
    registry.orElseThrow().saveSessionRecord(record);
    return record;
  }

  Optional<SessionRecord> find(String id) {
    return registry.flatMap(r -> r.findSessionRecord(id));
  }

  /**
   * Writes that the session was seen now, kept until {@code recordExpires}, when the record was last written
   * {@link #SEEN_INTERVAL} ago or more (or {@code always}); else leaves it as it is.
   */
  SessionRecord seen(SessionRecord record, Instant now, Instant recordExpires, boolean always) {
    if (!always && record.lastSeenAt().plus(SEEN_INTERVAL).isAfter(now)) {
      return record;
    }
    SessionRecord seen = record.seen(now, recordExpires);
    // A revocation between the read and this write wins: the record is not brought back.
    registry.orElseThrow().replaceSessionRecord(seen);
    return seen;
  }

  void forget(String id) {
    registry.ifPresent(r -> r.deleteSessionRecord(id));
  }

  /** The lifetime a record keeps. */
  Lifetime lifetimeOf(SessionRecord record) {
    return new Lifetime(record.maxAge() != null ? record.maxAge() : config.sessionMaxAge(), record.persistent(),
        record.createdAt());
  }

  /** The OpenID Connect session id ({@code sid}) in the ID token of the sign-in, for back-channel logout. */
  private static String providerSessionId(Account account) {
    if (account.idToken() == null) {
      return null;
    }
    try {
      // The ID token was validated at sign-in; here it is only read.
      return JWTParser.parse(account.idToken()).getJWTClaimsSet().getStringClaim("sid");
    } catch (ParseException | RuntimeException e) {
      return null;
    }
  }
}
