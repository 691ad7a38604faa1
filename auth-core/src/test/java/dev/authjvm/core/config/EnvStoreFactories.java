package dev.authjvm.core.config;

import dev.authjvm.core.spi.Environment;
import dev.authjvm.core.store.AuthStore;
import dev.authjvm.core.spi.AuthStoreFactory;
import dev.authjvm.core.store.InMemoryAuthStore;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** Two store jars in miniature, each enabled by its own variable; their stores record being closed. */
public final class EnvStoreFactories {
  /** The variables of the stores closed so far. */
  public static final List<String> CLOSED = new CopyOnWriteArrayList<>();

  private EnvStoreFactories() {}

  /** An in-memory store that adds {@code name} to {@link #CLOSED} when closed. */
  static AuthStore closeRecording(String name) {
    InMemoryAuthStore delegate = new InMemoryAuthStore();
    return (AuthStore) Proxy.newProxyInstance(AuthStore.class.getClassLoader(), new Class<?>[] {AuthStore.class},
        (proxy, method, args) -> {
          if (method.getName().equals("close")) {
            CLOSED.add(name);
            return null;
          }
          return method.invoke(delegate, args);
        });
  }

  public static final class First implements AuthStoreFactory {
    @Override
    public Optional<AuthStore> create(Environment environment) {
      return environment.get("AUTH_TESTSTORE_A").map(v -> closeRecording("AUTH_TESTSTORE_A"));
    }
  }

  public static final class Second implements AuthStoreFactory {
    @Override
    public Optional<AuthStore> create(Environment environment) {
      return environment.get("AUTH_TESTSTORE_B").map(v -> closeRecording("AUTH_TESTSTORE_B"));
    }
  }
}
