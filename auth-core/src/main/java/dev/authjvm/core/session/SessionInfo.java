package dev.authjvm.core.session;

import dev.authjvm.core.store.SessionRecord;
import java.time.Instant;

/**
 * One of a user's sessions as the application and the user may see it: no token, nothing secret.
 *
 * @param id         what {@link SessionManagement#revoke} takes
 * @param lastSeenAt when the session was last read, to within a few minutes
 * @param userAgent  the browser's {@code User-Agent} at sign-in, shortened; may be {@code null}
 * @param provider   the provider signed in with
 */
public record SessionInfo(String id, String userId, Instant createdAt, Instant lastSeenAt, Instant expires,
                          String userAgent, String provider) {

  public static SessionInfo of(SessionRecord r) {
    return new SessionInfo(r.id(), r.userId(), r.createdAt(), r.lastSeenAt(), r.expires(), r.userAgent(),
        r.provider());
  }
}
