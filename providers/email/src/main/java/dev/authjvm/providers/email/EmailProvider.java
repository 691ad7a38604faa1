package dev.authjvm.providers.email;

import dev.authjvm.core.config.ConfigurationException;
import dev.authjvm.core.error.ErrorType;
import dev.authjvm.core.log.LogSafe;
import dev.authjvm.core.http.UriComponent;
import dev.authjvm.core.provider.EmailAddress;
import dev.authjvm.core.provider.FlowRequest;
import dev.authjvm.core.provider.FlowStep;
import dev.authjvm.core.provider.ProviderType;
import dev.authjvm.core.provider.RedirectFlowProvider;
import dev.authjvm.core.store.AuthStore;
import dev.authjvm.core.store.VerificationToken;
import dev.authjvm.core.user.Account;
import dev.authjvm.core.user.User;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Sign-in by an emailed link (spec §7.2). {@code POST /signin/email} stores a hash of a random token
 * and sends {@code /callback/email?callbackUrl=…&token=…&email=…}; the callback uses the token once.
 * With {@link Builder#confirmBeforeSignIn(boolean)} the link opens a page with a "Sign in" button and
 * only its POST uses the token, so mail scanners that follow links do not burn it.
 */
public final class EmailProvider implements RedirectFlowProvider {
  private static final SecureRandom RANDOM = new SecureRandom();

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
  public ProviderType type() {
    return ProviderType.EMAIL;
  }

  public boolean confirmBeforeSignIn() {
    return confirmBeforeSignIn;
  }

  @Override
  public FlowStep start(FlowRequest request) {
    Optional<String> email = EmailAddress.normalize(request.form().get("email"));
    Optional<AuthStore> store = request.store();
    if (email.isEmpty()) {
      return new FlowStep.Failed(ErrorType.EMAIL_SIGNIN, "not an email address", List.of());
    }
    if (store.isEmpty()) {
      return new FlowStep.Failed(ErrorType.CONFIGURATION, "email sign-in needs a store", List.of());
    }
    String token = HexFormat.of().formatHex(randomBytes());
    String hash = request.hashWithSecret(token);
    Instant expires = request.now().plus(maxAge);
    String url = request.providerCallbackUrl() + "?callbackUrl=" + UriComponent.encode(request.callbackUrl())
        + "&token=" + token + "&email=" + UriComponent.encode(email.get());
    store.get().createVerificationToken(new VerificationToken(email.get(), hash, expires));
    try {
      sender.send(new VerificationRequest(email.get(), url, expires, host(request), name));
    } catch (Exception e) {
      // Not sent: withdraw the token so no usable link is left behind.
      store.get().useVerificationToken(email.get(), hash);
      return new FlowStep.Failed(ErrorType.EMAIL_SIGNIN, "sending the link to " + LogSafe.email(email.get())
          + " failed: " + LogSafe.text(e.toString()), List.of());
    }
    return new FlowStep.Redirect(request.url("verify-request") + "?provider=" + UriComponent.encode(id)
        + "&type=email", List.of());
  }

  @Override
  public FlowStep callback(FlowRequest request) {
    boolean post = request.request().method().equals("POST");
    Map<String, String> params = post ? request.form() : request.query();
    String token = params.get("token");
    String rawEmail = params.get("email");
    if (token == null || token.isBlank() || rawEmail == null || rawEmail.isBlank()) {
      return invalid("a link without token or email");
    }
    if (confirmBeforeSignIn && !post) {
      Map<String, String> fields = new LinkedHashMap<>();
      fields.put("token", token);
      fields.put("email", rawEmail);
      fields.put("callbackUrl", request.callbackUrl());
      return new FlowStep.Confirm("Sign in", "Sign in as " + rawEmail + "?", "Sign in",
          request.providerCallbackUrl(), fields, List.of());
    }
    Optional<String> email = EmailAddress.normalize(rawEmail);
    Optional<AuthStore> store = request.store();
    if (email.isEmpty() || store.isEmpty()) {
      return invalid("a link for an invalid address or without a store");
    }
    Optional<VerificationToken> invite = Optional.empty();
    for (String hash : request.hashesWithSecrets(token)) {
      invite = store.get().useVerificationToken(email.get(), hash);
      if (invite.isPresent()) {
        break;
      }
    }
    if (invite.isEmpty()) {
      return invalid("no such token for " + LogSafe.email(email.get()) + " (used already, or never issued)");
    }
    if (invite.get().expires().isBefore(request.now())) {
      return invalid("the token for " + LogSafe.email(email.get()) + " expired at " + invite.get().expires());
    }
    User user = new User(email.get(), null, email.get(), null, null);
    return new FlowStep.Authenticated(user, Account.of(user.id(), "email", id, email.get()),
        Map.of("email", email.get()), List.of());
  }

  private static FlowStep invalid(String why) {
    return new FlowStep.Failed(ErrorType.VERIFICATION, why, List.of());
  }

  private static String host(FlowRequest request) {
    return URI.create(request.providerCallbackUrl()).getHost();
  }

  private static byte[] randomBytes() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return bytes;
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
      if (id == null || !id.matches("[a-z0-9-_]+")) {
        throw new ConfigurationException("email provider id must be lower-case letters, digits, '-' or '_', not '" + id + "'");
      }
      if (maxAge == null || maxAge.isNegative() || maxAge.isZero()) {
        throw new ConfigurationException("AUTH_EMAIL_MAX_AGE must be a positive number of seconds, not " + maxAge);
      }
      return new EmailProvider(this);
    }
  }
}
