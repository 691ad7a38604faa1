package dev.authjvm.core.store;

import dev.authjvm.core.config.Environment;
import java.util.Optional;

/**
 * The plugin point of store jars, found with {@link java.util.ServiceLoader}: a factory makes its
 * store when its settings are present in the environment (e.g. {@code AUTH_JDBC_URL}).
 */
public interface AuthStoreFactory {
  Optional<AuthStore> create(Environment environment);
}
