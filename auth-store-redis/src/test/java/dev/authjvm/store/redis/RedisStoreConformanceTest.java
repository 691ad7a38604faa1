package dev.authjvm.store.redis;

import dev.authjvm.conformance.store.StoreConformanceKit;
import dev.authjvm.core.store.AuthStore;
import dev.authjvm.testsupport.TestRedis;

/** The store kit against the Redis store, under a key prefix of its own. */
class RedisStoreConformanceTest extends StoreConformanceKit {
  @Override
  protected AuthStore createStore() {
    return RedisAuthStore.builder(TestRedis.url()).keyPrefix(TestRedis.keyPrefix("store-kit")).build();
  }

  @Override
  protected void closeStore(AuthStore store) {
    try {
      ((RedisAuthStore) store).close();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
