package dev.authjvm.store.redis;

import dev.authjvm.conformance.store.StoreConformanceKit;
import dev.authjvm.core.store.AuthStore;
import dev.authjvm.testsupport.RedisCluster;

/** The store kit against the Redis store in cluster mode, on a real three-node Redis Cluster. */
class RedisClusterStoreConformanceTest extends StoreConformanceKit {
  private RedisCluster cluster;

  @Override
  protected AuthStore createStore() {
    try {
      cluster = RedisCluster.start();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return RedisAuthStore.builder(cluster.url()).cluster(true).build();
  }

  @Override
  protected void closeStore(AuthStore store) {
    try {
      ((RedisAuthStore) store).close();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    } finally {
      cluster.close();
    }
  }
}
