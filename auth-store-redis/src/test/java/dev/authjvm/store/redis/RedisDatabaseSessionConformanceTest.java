package dev.authjvm.store.redis;

import dev.authjvm.conformance.AdapterConformanceKit;
import dev.authjvm.core.config.AuthConfig;
import dev.authjvm.core.config.AuthConfigBuilder;
import java.net.URI;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;

/** The whole adapter kit (email sign-in included) with database sessions in Redis. */
class RedisDatabaseSessionConformanceTest extends AdapterConformanceKit {
  private static RedisAuthStore store;
  private TestServer server;

  @Override
  protected AuthConfigBuilder customize(AuthConfigBuilder builder) {
    if (store == null) {
      store = RedisAuthStore.builder(TestRedis.url()).keyPrefix("authjvm-kit-" + UUID.randomUUID() + ":").build();
    }
    return builder.store(store).credentialsDatabaseSessions(true);
  }

  @Override
  protected URI start(AuthConfig config) {
    server = new TestServer(config);
    return URI.create(server.baseUrl.toString().replace(config.basePath(), ""));
  }

  @Override
  protected void stop() {
    server.close();
  }

  @AfterAll
  static void closeStore() throws Exception {
    if (store != null) {
      store.close();
    }
  }
}
