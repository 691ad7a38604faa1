package dev.authjvm.store.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.authjvm.conformance.AdapterConformanceKit;
import dev.authjvm.core.config.AuthConfig;
import dev.authjvm.core.config.AuthConfigBuilder;
import dev.authjvm.testsupport.AuthTestServer;
import dev.authjvm.testsupport.TestDatabases;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;

/**
 * The whole adapter kit (email sign-in included) on the Undertow adapter, with database sessions in
 * the JDBC store on the database a subclass names. One pool and store serve every section.
 */
abstract class JdbcKitRun extends AdapterConformanceKit {
  // Static: JUnit makes a new instance of this class for every nested section.
  private static HikariDataSource pool;
  private static JdbcAuthStore store;
  private AuthTestServer server;

  abstract TestDatabases.Database database();

  /** A pool on a fresh database. */
  HikariDataSource pool() {
    return database().pool();
  }

  /** The store on it: by default on its own tables, which it creates. */
  JdbcAuthStore store(HikariDataSource pool) {
    return JdbcAuthStore.builder(pool).createSchema(true).build();
  }

  @Override
  protected AuthConfigBuilder customize(AuthConfigBuilder builder) {
    if (store == null) {
      pool = pool();
      store = store(pool);
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
  static void closePool() {
    if (pool != null) {
      pool.close();
      pool = null;
      store = null;
    }
  }
}
