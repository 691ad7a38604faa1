package dev.authjvm.providers.webauthn;

import dev.authjvm.core.provider.ProviderId;
import dev.authjvm.core.provider.RegisteredCredential;
import dev.authjvm.core.provider.WebAuthnCeremony;
import dev.authjvm.core.provider.WebAuthnProvider;
import dev.authjvm.core.provider.WebAuthnUserEntity;
import dev.authjvm.core.store.Authenticator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Passkeys with webauthn4j, with Auth.js's Passkey defaults: id {@code passkey}, a five-minute timeout,
 * user verification required (asked for and checked) and discoverable credentials required, "none"
 * attestation, algorithms EdDSA, ES256 and RS256. Immutable and thread-safe.
 *
 * <pre>{@code
 * AuthConfig.builder().store(store).provider(PasskeyProvider.builder().build())
 * }</pre>
 */
public final class PasskeyProvider implements WebAuthnProvider {
  private final String id;
  private final String name;
  private final PasskeyOptions options;
  private final WebAuthn4jVerifier verifier;

  private PasskeyProvider(Builder b) {
    this.id = ProviderId.require(b.id, "passkey provider");
    this.name = b.name;
    this.options = new PasskeyOptions(b.timeout, b.requireUserVerification);
    this.verifier = new WebAuthn4jVerifier(b.requireUserVerification);
  }

  public static Builder builder() {
    return new Builder();
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
  public Map<String, Object> registrationOptions(WebAuthnCeremony ceremony, WebAuthnUserEntity user,
                                                 List<Authenticator> excludeCredentials) {
    return options.registration(ceremony, user, excludeCredentials);
  }

  @Override
  public Map<String, Object> authenticationOptions(WebAuthnCeremony ceremony, List<Authenticator> allowCredentials) {
    return options.authentication(ceremony, allowCredentials);
  }

  @Override
  public RegisteredCredential verifyRegistration(String responseJson, WebAuthnCeremony ceremony) {
    return verifier.registration(responseJson, ceremony);
  }

  @Override
  public long verifyAuthentication(String responseJson, WebAuthnCeremony ceremony, Authenticator stored) {
    return verifier.authentication(responseJson, ceremony, stored);
  }

  /** The passkey form's script, bundled into this jar at build time: @simplewebauthn/browser and the form's glue. */
  @Override
  public Optional<String> signInPageScript() {
    return PasskeyFormScript.text();
  }

  /** Settings of a {@link PasskeyProvider}; every one has Auth.js's Passkey default. */
  public static final class Builder {
    private String id = "passkey";
    private String name = "Passkey";
    private Duration timeout = Duration.ofMinutes(5);
    private boolean requireUserVerification = true;

    private Builder() {}

    public Builder id(String id) {
      this.id = id;
      return this;
    }

    /** The button label: "Sign in with {name}". */
    public Builder name(String name) {
      this.name = name;
      return this;
    }

    /** How long the browser waits for the user; five minutes by default. */
    public Builder timeout(Duration timeout) {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("the passkey timeout must be positive");
      }
      this.timeout = timeout;
      return this;
    }

    /**
     * Whether the authenticator must verify the user (PIN, biometrics), not only see them present. On by
     * default, as passkeys are one factor that proves two; off asks for it ("preferred") without requiring it.
     */
    public Builder requireUserVerification(boolean required) {
      this.requireUserVerification = required;
      return this;
    }

    /** @throws dev.authjvm.core.error.ConfigurationException when the id breaks {@link ProviderId}'s rule */
    public PasskeyProvider build() {
      return new PasskeyProvider(this);
    }
  }
}
