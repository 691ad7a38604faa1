package dev.authjvm.conformance.store;

import dev.authjvm.core.store.AuthStore;
import dev.authjvm.core.store.InMemoryAuthStore;

/** The kit's own reference run: the in-memory store meets the whole contract. */
class InMemoryStoreConformanceTest extends StoreConformanceKit {
  @Override
  protected AuthStore createStore() {
    return new InMemoryAuthStore();
  }
}
