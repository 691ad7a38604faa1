package dev.authjvm.core.spi;

import dev.authjvm.core.provider.Provider;
import java.util.Optional;

/**
 * The plugin point of provider jars, found with {@link java.util.ServiceLoader}: list the
 * implementation in {@code META-INF/services/dev.authjvm.core.spi.ProviderFactory}.
 * A factory makes its provider only when its settings are present (e.g. {@code AUTH_GITHUB_ID} and
 * {@code AUTH_GITHUB_SECRET}), so a jar on the classpath costs nothing until it is configured.
 */
public interface ProviderFactory {
  /**
   * @return the provider, or empty when its environment variables are not set
   * @throws dev.authjvm.core.error.ConfigurationException when they are set but wrong; the message names the variable
   */
  Optional<Provider> create(Environment environment);
}
