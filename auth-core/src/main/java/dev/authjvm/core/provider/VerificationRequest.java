package dev.authjvm.core.provider;

import dev.authjvm.core.text.LogSafe;
import java.time.Instant;

/**
 * A sign-in link to deliver: what {@link EmailLinkProvider#sendVerificationRequest} gets (the
 * parameters of Auth.js's {@code sendVerificationRequest}).
 *
 * @param identifier   the normalised address to send to
 * @param url          the link; it carries the token, so never log it outside development
 * @param host         the site's host, for the subject line ("Sign in to example.com")
 * @param providerName the provider's display name
 */
public record VerificationRequest(String identifier, String url, Instant expires, String host, String providerName) {
  @Override
  public String toString() {
    return "VerificationRequest[" + LogSafe.email(identifier) + ", expires " + expires + "]";
  }
}
