package dev.authjvm.providers.email;

import dev.authjvm.core.log.LogSafe;
import java.time.Instant;

/**
 * A sign-in link to deliver: what a {@link VerificationSender} gets (Auth.js's
 * {@code sendVerificationRequest} parameters).
 *
 * @param identifier the normalised address to send to
 * @param url        the link; it carries the token, so never log it outside development
 * @param host       the site's host, for the subject line ("Sign in to example.com")
 */
public record VerificationRequest(String identifier, String url, Instant expires, String host, String providerName) {
  @Override
  public String toString() {
    return "VerificationRequest[" + LogSafe.email(identifier) + ", expires " + expires + "]";
  }
}
