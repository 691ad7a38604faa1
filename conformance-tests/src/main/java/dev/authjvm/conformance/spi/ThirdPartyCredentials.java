package dev.authjvm.conformance.spi;

import dev.authjvm.core.http.AuthRequest;
import dev.authjvm.core.provider.CredentialField;
import dev.authjvm.core.provider.CredentialsProvider;
import dev.authjvm.core.user.User;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A credentials provider written against the SPI alone, not with {@code CredentialsProvider.builder()}:
 * a one-time PIN for a fixed user, identified by the {@code login} field.
 */
public final class ThirdPartyCredentials implements CredentialsProvider {
  public static final String ID = "pin";
  public static final String PIN = "424242";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String name() {
    return "One-time PIN";
  }

  @Override
  public List<CredentialField> fields() {
    return List.of(new CredentialField("login", "Login", "text", ""), new CredentialField("pin", "PIN", "password", ""));
  }

  @Override
  public Optional<User> authorize(Map<String, String> credentials, AuthRequest request) {
    return PIN.equals(credentials.get("pin")) && credentials.get("login") != null
        ? Optional.of(new User("pin-" + credentials.get("login"), "PIN " + credentials.get("login"), null, null, null))
        : Optional.empty();
  }
}
