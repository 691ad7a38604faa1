package dev.authjvm.core.config;

import dev.authjvm.core.error.ConfigurationException;
import dev.authjvm.core.spi.Environment;
import dev.authjvm.core.provider.Provider;
import dev.authjvm.core.spi.ProviderFactory;
import dev.authjvm.core.store.AuthStore;
import dev.authjvm.core.spi.AuthStoreFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the plugin jars on the classpath with {@link ServiceLoader} and asks each for what the
 * environment configures; every finding names the class and jar it came from, for error messages.
 */
final class PluginDiscovery {
  private static final Logger LOG = LoggerFactory.getLogger(PluginDiscovery.class);

  private PluginDiscovery() {}

  /** The store of the one store jar whose settings are in the environment; two such jars are ambiguous. */
  static AuthStore store(Environment env) {
    AuthStore found = null;
    String foundBy = null;
    for (AuthStoreFactory factory : ServiceLoader.load(AuthStoreFactory.class, loader())) {
      Optional<AuthStore> store = factory.create(env);
      if (store.isEmpty()) {
        continue;
      }
      if (found != null) {
        // Each may have opened a pool: close both before refusing.
        found.close();
        store.get().close();
        throw new ConfigurationException("two stores are configured by the environment, by " + foundBy + " and by "
            + describe(factory) + ": unset the settings of one, or pass store(...) explicitly");
      }
      found = store.get();
      foundBy = describe(factory);
      LOG.info("store {} enabled by {}", found.getClass().getSimpleName(), foundBy);
    }
    return found;
  }

  /** The providers the environment enables, by id, each with where it came from. */
  static List<Map.Entry<Provider, String>> providers(Environment env) {
    List<Map.Entry<Provider, String>> found = new ArrayList<>();
    for (ProviderFactory factory : ServiceLoader.load(ProviderFactory.class, loader())) {
      factory.create(env).ifPresent(p -> found.add(Map.entry(p, describe(factory))));
    }
    found.sort(Comparator.comparing(e -> e.getKey().id()));
    return found;
  }

  private static ClassLoader loader() {
    return Optional.ofNullable(Thread.currentThread().getContextClassLoader())
        .orElse(PluginDiscovery.class.getClassLoader());
  }

  private static String describe(Object factory) {
    var codeSource = factory.getClass().getProtectionDomain().getCodeSource();
    return factory.getClass().getName() + (codeSource == null ? "" : " (" + codeSource.getLocation() + ")");
  }
}
