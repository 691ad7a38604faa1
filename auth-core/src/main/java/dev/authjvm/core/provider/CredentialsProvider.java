package dev.authjvm.core.provider;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Sign-in with a form checked by your own code (a password, an LDAP bind, a one-time code). The
 * session is a JWT session, as in Auth.js, unless {@code credentialsDatabaseSessions(true)} allows a
 * database one.
 */
public final class CredentialsProvider implements Provider {
  private final String id;
  private final String name;
  private final List<CredentialField> fields;
  private final CredentialsAuthorizer authorizer;
  private final String identifierField;

  private CredentialsProvider(Builder b) {
    this.id = b.id;
    this.name = b.name;
    this.fields = List.copyOf(b.fields);
    this.identifierField = b.identifierField != null ? b.identifierField : fields.isEmpty() ? null : fields.get(0).name();
    this.authorizer = Objects.requireNonNull(b.authorizer, "credentials provider '" + b.id + "' needs authorize(...)");
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
  public ProviderType type() {
    return ProviderType.CREDENTIALS;
  }

  /** The inputs of the built-in sign-in form, in order; empty means the provider has no form there. */
  public List<CredentialField> fields() {
    return fields;
  }

  /**
   * The form field that names who signs in (a username or an address), by which failed attempts are
   * counted: the one set with {@link Builder#identifierField}, else the first field; {@code null} without fields.
   */
  public String identifierField() {
    return identifierField;
  }

  public CredentialsAuthorizer authorizer() {
    return authorizer;
  }

  public static final class Builder {
    private String id = "credentials";
    private String name = "Credentials";
    private final List<CredentialField> fields = new ArrayList<>();
    private CredentialsAuthorizer authorizer;
    private String identifierField;

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

    public CredentialsProvider build() {
      return new CredentialsProvider(this);
    }
  }
}
