package dev.authjvm.providers.email;

import dev.authjvm.core.provider.VerificationRequest;
import dev.authjvm.core.error.ConfigurationException;
import dev.authjvm.core.spi.Environment;
import dev.authjvm.core.provider.Provider;
import dev.authjvm.core.spi.ProviderFactory;
import java.time.Duration;
import java.util.Optional;

/**
 * Enables email sign-in when {@code AUTH_EMAIL_SERVER} (an SMTP URL) and {@code AUTH_EMAIL_FROM} are
 * set. Optional: {@code AUTH_EMAIL_MAX_AGE} (seconds a link is valid, default 86400) and
 * {@code AUTH_EMAIL_CONFIRM} (a "Sign in" button before the token is used, default false).
 */
public final class EmailProviderFactory implements ProviderFactory {
  @Override
  public Optional<Provider> create(Environment env) {
    Optional<String> server = env.get("AUTH_EMAIL_SERVER");
    if (server.isEmpty()) {
      return Optional.empty();
    }
    String from = env.get("AUTH_EMAIL_FROM").orElseThrow(() -> new ConfigurationException(
        "AUTH_EMAIL_SERVER is set but AUTH_EMAIL_FROM is not: set the sender address, e.g. no-reply@example.com"));
    return Optional.of(EmailProvider.builder(SmtpSender.of(server.get(), from))
        .maxAge(maxAge(env))
        .confirmBeforeSignIn(env.flag("AUTH_EMAIL_CONFIRM").orElse(false))
        .build());
  }

  private static Duration maxAge(Environment env) {
    String value = env.get("AUTH_EMAIL_MAX_AGE").orElse("86400");
    try {
      return Duration.ofSeconds(Long.parseLong(value));
    } catch (NumberFormatException e) {
      throw new ConfigurationException("AUTH_EMAIL_MAX_AGE must be a number of seconds, not '" + value + "'");
    }
  }
}
