package dev.authjvm.store.redis;

import dev.authjvm.core.spi.Environment;
import dev.authjvm.core.store.AuthStore;
import dev.authjvm.core.spi.AuthStoreFactory;
import java.util.Optional;

/**
 * Makes the Redis store from the environment when {@code AUTH_REDIS_URL} is set. Settings:
 * {@code AUTH_REDIS_URL} ({@code redis://[:password@]host:port/db} or {@code rediss://}),
 * {@code AUTH_REDIS_CLUSTER} (default false), {@code AUTH_REDIS_KEY_PREFIX} (default {@code authjs:}).
 */
public final class RedisStoreFactory implements AuthStoreFactory {
  @Override
  public Optional<AuthStore> create(Environment env) {
    return env.get("AUTH_REDIS_URL").map(url -> RedisAuthStore.builder(url)
        .cluster(env.flag("AUTH_REDIS_CLUSTER").orElse(false))
        .keyPrefix(env.get("AUTH_REDIS_KEY_PREFIX").orElse("authjs:"))
        .build());
  }
}
