package dev.authjvm.spring;

import dev.authjvm.core.provider.CredentialsProvider;
import dev.authjvm.core.user.User;
import java.util.Optional;

/** The credentials provider the tests define as a bean: password "pw" signs in Jo. */
final class TestProviders {
  static final String SECRET = "spring-starter-test-secret-0123456789abcdef";

  private TestProviders() {}

  static CredentialsProvider credentials() {
    return CredentialsProvider.builder().authorize((form, request) -> "pw".equals(form.get("password"))
        ? Optional.of(User.of("7", "Jo", "jo@example.com")) : Optional.empty()).build();
  }
}
