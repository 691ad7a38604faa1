package dev.authjvm.providers.email;

import dev.authjvm.core.provider.VerificationRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * For development only: writes the sign-in link to the log instead of sending it. The link signs in
 * whoever holds it, so never use this where others can read the log.
 */
public final class ConsoleSender implements VerificationSender {
  private static final Logger LOG = LoggerFactory.getLogger(ConsoleSender.class);

  @Override
  public void send(VerificationRequest request) {
    LOG.warn("\n[auth][email] No SMTP server is configured (AUTH_EMAIL_SERVER): sign-in link for {}:\n  {}\n",
        request.identifier(), request.url());
  }
}
