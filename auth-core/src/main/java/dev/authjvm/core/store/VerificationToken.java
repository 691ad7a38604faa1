package dev.authjvm.core.store;

import dev.authjvm.core.log.LogSafe;
import java.time.Instant;

/**
 * A pending email sign-in. Only the hash of the emailed token is stored, so a leaked table
 * cannot be used to sign in.
 *
 * @param identifier the normalised email address
 * @param tokenHash  lowercase hex SHA-256 of {@code token + secret}
 */
public record VerificationToken(String identifier, String tokenHash, Instant expires) {
  @Override
  public String toString() {
    return "VerificationToken[" + LogSafe.email(identifier) + ", expires " + expires + "]";
  }
}
