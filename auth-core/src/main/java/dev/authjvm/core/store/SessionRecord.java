package dev.authjvm.core.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One session as a {@link SessionRegistry} keeps it: what listing a user's sessions shows, what revoking
 * one removes, and what the identity provider's back-channel logout is matched against.
 *
 * @param id                the session's id, never a secret: random for a JWT session (its {@code sid}
 *                          claim), derived from the token for a database session
 * @param expires           when the record may be forgotten: never before the session itself ends
 * @param userAgent         the browser's {@code User-Agent} at sign-in, shortened; may be {@code null}
 * @param maxAge            the session's own sliding lifetime (remember-me, the lifetime callback), or
 *                          {@code null} for the configured one
 * @param persistent        whether its cookie outlives the browser: false when the user chose not to be remembered
 * @param provider          the provider signed in with
 * @param providerSubject   the user's id at that provider, or {@code null}
 * @param providerSessionId the provider's session id (the ID token's {@code sid}), or {@code null}
 * @param sessionToken      a database session's token, so that revoking can delete it; {@code null} for a JWT
 *                          session. A bearer secret: never shown, never logged
 * @param update            data a server-side update left for the session's next read, or {@code null}
 * @param updatedAt         when that update was made, or {@code null}
 */
public record SessionRecord(String id, String userId, Instant createdAt, Instant lastSeenAt, Instant expires,
                            String userAgent, Duration maxAge, boolean persistent, String provider,
                            String providerSubject, String providerSessionId, String sessionToken,
                            Map<String, Object> update, Instant updatedAt) {
  public SessionRecord {
    update = update == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(update));
  }

  /** A copy seen now, kept until {@code newExpires}. */
  public SessionRecord seen(Instant now, Instant newExpires) {
    return new SessionRecord(id, userId, createdAt, now, newExpires, userAgent, maxAge, persistent, provider,
        providerSubject, providerSessionId, sessionToken, update, updatedAt);
  }

  /** A copy carrying a server-side update for the session's next read. */
  public SessionRecord withUpdate(Map<String, Object> data, Instant at) {
    return new SessionRecord(id, userId, createdAt, lastSeenAt, expires, userAgent, maxAge, persistent, provider,
        providerSubject, providerSessionId, sessionToken, data, at);
  }

  @Override
  public String toString() {
    return "SessionRecord[" + id + " of user " + userId + ", provider " + provider + ", expires " + expires + "]";
  }
}
