package dev.authjvm.store.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.authjvm.conformance.AdapterConformanceKit;
import dev.authjvm.core.config.AuthConfig;
import dev.authjvm.core.config.AuthConfigBuilder;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;

/** The whole adapter kit (email sign-in included) with database sessions in embedded H2, the demo's database. */
class H2DatabaseSessionConformanceTest extends AdapterConformanceKit {
  private static HikariDataSource pool;
  private static JdbcAuthStore store;
  private TestServer server;

  @Override
  protected AuthConfigBuilder customize(AuthConfigBuilder builder) {
    if (store == null) {
      pool = TestDatabases.h2().pool();
      store = JdbcAuthStore.builder(pool).createSchema(true).build();
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
  static void closePool() {
    if (pool != null) {
      pool.close();
    }
  }
}
