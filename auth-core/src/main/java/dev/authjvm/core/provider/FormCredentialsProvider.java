package dev.authjvm.core.provider;

import dev.authjvm.core.http.AuthRequest;
import dev.authjvm.core.user.User;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What {@link CredentialsProvider#builder()} builds: the form's fields and the application's check. */
record FormCredentialsProvider(String id, String name, List<CredentialField> fields, String identifierField,
                               CredentialsAuthorizer authorizer) implements CredentialsProvider {
  @Override
  public Optional<User> authorize(Map<String, String> credentials, AuthRequest request) {
    return authorizer.authorize(credentials, request);
  }

  @Override
  public String toString() {
    return "CredentialsProvider[" + id + "]";
  }
}
