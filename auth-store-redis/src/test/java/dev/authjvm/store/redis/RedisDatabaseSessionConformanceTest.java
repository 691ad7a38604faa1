package dev.authjvm.store.redis;

import dev.authjvm.conformance.AdapterConformanceKit;
import dev.authjvm.core.config.AuthConfig;
import dev.authjvm.core.config.AuthConfigBuilder;
import dev.authjvm.testsupport.AuthTestServer;
import dev.authjvm.testsupport.TestRedis;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;

/** The whole adapter kit (email sign-in included) with database sessions in Redis. */
class RedisDatabaseSessionConformanceTest extends AdapterConformanceKit {
  private static RedisAuthStore store;
  private AuthTestServer server;

  @Override
  protected AuthConfigBuilder customize(AuthConfigBuilder builder) {
    if (store == null) {
      store = RedisAuthStore.builder(TestRedis.url()).keyPrefix(TestRedis.keyPrefix("kit")).build();
    }
    return builder.store(store).credentialsDatabaseSessions(true);
  }

  @Override
  protected URI start(AuthConfig config) {
    server = AuthTestServer.start(config);
    return server.origin();
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
