package dev.authjvm.providers.email;

import dev.authjvm.core.error.ConfigurationException;
import dev.authjvm.core.provider.EmailLinkProvider;
import dev.authjvm.core.provider.ProviderId;
import dev.authjvm.core.provider.VerificationRequest;
import java.time.Duration;
import java.util.Objects;

/**
 * Sign-in by an emailed link, delivered by a {@link VerificationSender}: SMTP ({@link SmtpSender}), the
 * console in development ({@link ConsoleSender}), or your own. The core does the protocol (tokens,
 * their hashes in the store, single use, the rate limit); this provider only delivers the link.
 */
public final class EmailProvider implements EmailLinkProvider {
  private final String id;
  private final String name;
  private final VerificationSender sender;
  private final Duration maxAge;
  private final boolean confirmBeforeSignIn;

  private EmailProvider(Builder b) {
    this.id = b.id;
    this.name = b.name;
    this.sender = b.sender;
    this.maxAge = b.maxAge;
    this.confirmBeforeSignIn = b.confirmBeforeSignIn;
  }

  /** @param sender how links are delivered, e.g. {@code SmtpSender.of(url, from)} */
  public static Builder builder(VerificationSender sender) {
    return new Builder(sender);
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Duration maxAge() {
    return maxAge;
  }

  @Override
  public boolean confirmBeforeSignIn() {
    return confirmBeforeSignIn;
  }

  @Override
  public void sendVerificationRequest(VerificationRequest request) throws Exception {
    sender.send(request);
  }

  @Override
  public String toString() {
    return "EmailProvider[" + id + "]";
  }

  /** Configures an {@link EmailProvider}; {@link #build()} validates. */
  public static final class Builder {
    private final VerificationSender sender;
    private String id = "email";
    private String name = "Email";
    private Duration maxAge = Duration.ofHours(24);
    private boolean confirmBeforeSignIn;

    private Builder(VerificationSender sender) {
      this.sender = Objects.requireNonNull(sender, "sender");
    }

    public Builder id(String id) {
      this.id = id;
      return this;
    }

    public Builder name(String name) {
      this.name = name;
      return this;
    }

    /** How long a link stays valid (default 24 hours). */
    public Builder maxAge(Duration maxAge) {
      this.maxAge = maxAge;
      return this;
    }

    /** Show a "Sign in" button before using the token (default off, as in Auth.js). */
    public Builder confirmBeforeSignIn(boolean confirm) {
      this.confirmBeforeSignIn = confirm;
      return this;
    }

    public EmailProvider build() {
      ProviderId.require(id, "email provider");
      if (maxAge == null || maxAge.isNegative() || maxAge.isZero()) {
        throw new ConfigurationException("AUTH_EMAIL_MAX_AGE must be a positive number of seconds, not " + maxAge);
      }
      return new EmailProvider(this);
    }
  }
}
