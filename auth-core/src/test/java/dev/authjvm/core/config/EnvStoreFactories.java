package dev.authjvm.core.config;

import dev.authjvm.core.spi.Environment;
import dev.authjvm.core.store.AuthStore;
import dev.authjvm.core.spi.AuthStoreFactory;
import dev.authjvm.core.store.InMemoryAuthStore;
import java.util.Optional;

/** Two store jars in miniature, each enabled by its own variable. */
public final class EnvStoreFactories {
  private EnvStoreFactories() {}

  public static final class First implements AuthStoreFactory {
    @Override
    public Optional<AuthStore> create(Environment environment) {
      return environment.get("AUTH_TESTSTORE_A").map(v -> new InMemoryAuthStore());
    }
  }

  public static final class Second implements AuthStoreFactory {
    @Override
    public Optional<AuthStore> create(Environment environment) {
      return environment.get("AUTH_TESTSTORE_B").map(v -> new InMemoryAuthStore());
    }
  }
}
