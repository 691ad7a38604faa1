package dev.authjvm.core.provider;

import dev.authjvm.core.http.AuthRequest;
import dev.authjvm.core.user.User;
import java.util.Map;
import java.util.Optional;

/**
 * Checks submitted credentials, for {@link CredentialsProvider#builder()}: the {@code authorize}
 * function of Auth.js, with the contract of {@link CredentialsProvider#authorize}.
 */
@FunctionalInterface
public interface CredentialsAuthorizer {
  /**
   * @param credentials every submitted form field (including {@code csrfToken} and {@code callbackUrl})
   * @param request     the whole request, e.g. for the client address
   */
  Optional<User> authorize(Map<String, String> credentials, AuthRequest request);
}
