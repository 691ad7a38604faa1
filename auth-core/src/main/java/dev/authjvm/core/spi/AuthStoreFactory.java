package dev.authjvm.core.spi;

import dev.authjvm.core.store.AuthStore;
import java.util.Optional;

/**
 * The plugin point of store jars, found with {@link java.util.ServiceLoader}: a factory makes its
 * store when its settings are present in the environment (e.g. {@code AUTH_JDBC_URL}).
 */
public interface AuthStoreFactory {
  Optional<AuthStore> create(Environment environment);
}
