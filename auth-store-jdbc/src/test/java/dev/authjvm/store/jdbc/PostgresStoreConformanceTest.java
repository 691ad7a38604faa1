package dev.authjvm.store.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.authjvm.conformance.store.StoreConformanceKit;
import dev.authjvm.core.store.AuthStore;
import dev.authjvm.testsupport.TestDatabases;

/** The store kit against the JDBC store on Postgres. */
class PostgresStoreConformanceTest extends StoreConformanceKit {
  private HikariDataSource pool;

  @Override
  protected AuthStore createStore() {
    pool = TestDatabases.postgres().pool();
    return JdbcAuthStore.builder(pool).createSchema(true).build();
  }

  @Override
  protected void closeStore(AuthStore store) {
    pool.close();
  }
}
