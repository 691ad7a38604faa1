package dev.authjvm.core.provider;

import dev.authjvm.core.http.AuthRequest;
import dev.authjvm.core.user.User;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Sign-in with a form your own code checks: Auth.js's credentials provider. Clients post the form to
 * {@code /callback/:id}; the core checks CSRF and the rate limit, calls {@link #authorize}, and starts
 * the session (a JWT session, as in Auth.js, unless {@code credentialsDatabaseSessions(true)} allows a
 * database one). Build one with {@link #builder()}, or implement this interface.
 */
public non-sealed interface CredentialsProvider extends Provider {
  @Override
  default <R> R match(Cases<R> cases) {
    return cases.credentials(this);
  }

  static Builder builder() {
    return new Builder();
  }

  @Override
  default ProviderType type() {
    return ProviderType.CREDENTIALS;
  }

  /** The inputs of the built-in sign-in form, in order; empty means the provider has no form there. */
  List<CredentialField> fields();

  /**
   * The form field that names who signs in (a username or an address), by which failed attempts are
   * counted; by default the first field, {@code null} without fields.
   */
  default String identifierField() {
    return fields().isEmpty() ? null : fields().get(0).name();
  }

  /**
   * Checks the submitted form. Return empty for wrong credentials ({@code CredentialsSignin}); throw
   * {@link CredentialsSignInException} to report a code of your own; any other exception is a server
   * error, logged and shown as {@code Configuration}.
   *
   * @param credentials every submitted form field (including {@code csrfToken} and {@code callbackUrl})
   * @param request     the whole request, e.g. for the client address
   */
  Optional<User> authorize(Map<String, String> credentials, AuthRequest request);

  /** Builds a credentials provider from an {@link CredentialsAuthorizer} function. */
  final class Builder {
    private String id = "credentials";
    private String name = "Credentials";
    private final List<CredentialField> fields = new ArrayList<>();
    private CredentialsAuthorizer authorizer;
    private String identifierField;

    Builder() {}

    public Builder id(String id) {
      this.id = id;
      return this;
    }

    public Builder name(String name) {
      this.name = name;
      return this;
    }

    /** Adds a form input: {@code field("password", "Password", "password", "")}. */
    public Builder field(String name, String label, String type, String placeholder) {
      fields.add(new CredentialField(name, label, type, placeholder));
      return this;
    }

    /** The field that names who signs in, if not the first one; the rate limit counts attempts per its value. */
    public Builder identifierField(String name) {
      this.identifierField = name;
      return this;
    }

    public Builder authorize(CredentialsAuthorizer authorizer) {
      this.authorizer = authorizer;
      return this;
    }

    /** @throws dev.authjvm.core.error.ConfigurationException when the id breaks {@link ProviderId}'s rule */
    public CredentialsProvider build() {
      Objects.requireNonNull(authorizer, "credentials provider '" + id + "' needs authorize(...)");
      List<CredentialField> fixed = List.copyOf(fields);
      String identifier = identifierField != null ? identifierField : fixed.isEmpty() ? null : fixed.get(0).name();
      return new FormCredentialsProvider(ProviderId.require(id, "credentials provider"), name, fixed, identifier,
          authorizer);
    }
  }
}
