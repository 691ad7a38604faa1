package dev.authjvm.providers.email;

import dev.authjvm.core.store.AuthStore;
import dev.authjvm.store.redis.RedisAuthStore;
import dev.authjvm.store.redis.TestRedis;
import java.util.UUID;

/** Email sign-in with its tokens, users and sessions in Redis. */
class RedisEmailSignInTest extends EmailSignInChecks {
  @Override
  AuthStore createStore() {
    return RedisAuthStore.builder(TestRedis.url()).keyPrefix("authjvm-email-" + UUID.randomUUID() + ":").build();
  }

  @Override
  void closeStore(AuthStore store) throws Exception {
    ((RedisAuthStore) store).close();
  }
}
