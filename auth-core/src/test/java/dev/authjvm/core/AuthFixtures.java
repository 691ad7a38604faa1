package dev.authjvm.core;

import dev.authjvm.core.config.AuthConfig;
import dev.authjvm.core.config.AuthConfigBuilder;
import dev.authjvm.core.spi.Environment;
import dev.authjvm.core.provider.CredentialsProvider;
import dev.authjvm.core.provider.CredentialsSignInException;
import dev.authjvm.core.user.User;
import java.util.Map;
import java.util.Optional;

/** A configuration with one credentials user, demo/demo; "locked" is refused with a custom code. */
final class AuthFixtures {
  static final String SECRET = "a-test-secret-that-is-long-enough-for-auth";

  private AuthFixtures() {}

  static CredentialsProvider credentials() {
    return CredentialsProvider.builder()
        .field("username", "Username", "text", "")
        .field("password", "Password", "password", "")
        .authorize((creds, req) -> {
          if ("locked".equals(creds.get("username"))) {
            throw new CredentialsSignInException("account_locked");
          }
          return "demo".equals(creds.get("username")) && "demo".equals(creds.get("password"))
              ? Optional.of(new User("1", "Demo User", "demo@example.com", "https://example.com/demo.png", null))
              : Optional.empty();
        })
        .build();
  }

  static AuthConfigBuilder builder() {
    return AuthConfig.builder().secret(SECRET).environment(Environment.of(Map.of())).discoverProviders(false)
        .provider(credentials());
  }
}
