package dev.authjvm.core.provider;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Sign-in with a form checked by your own code (a password, an LDAP bind, a one-time code).
 * Such sessions are always JWT sessions, as in Auth.js.
 */
public final class CredentialsProvider implements Provider {
  private final String id;
  private final String name;
  private final List<CredentialField> fields;
  private final CredentialsAuthorizer authorizer;

  private CredentialsProvider(Builder b) {
    this.id = b.id;
    this.name = b.name;
    this.fields = List.copyOf(b.fields);
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

  public CredentialsAuthorizer authorizer() {
    return authorizer;
  }

  public static final class Builder {
    private String id = "credentials";
    private String name = "Credentials";
    private final List<CredentialField> fields = new ArrayList<>();
    private CredentialsAuthorizer authorizer;

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

    public Builder authorize(CredentialsAuthorizer authorizer) {
      this.authorizer = authorizer;
      return this;
    }

    public CredentialsProvider build() {
      return new CredentialsProvider(this);
    }
  }
}
