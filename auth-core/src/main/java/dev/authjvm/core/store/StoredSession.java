package dev.authjvm.core.store;

import java.time.Instant;

/** A database session: the random token in the cookie, whose user it is, and until when it is valid. */
public record StoredSession(String sessionToken, String userId, Instant expires) {
  @Override
  public String toString() {
    return "StoredSession[user " + userId + ", expires " + expires + "]";
  }
}
