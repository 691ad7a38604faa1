package dev.authjvm.store.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.authjvm.conformance.store.StoreConformanceKit;
import dev.authjvm.core.store.AuthStore;

/** The store kit against the JDBC store on the Prisma adapter's MySQL (on MariaDB) tables. */
class PrismaMariaDbStoreConformanceTest extends StoreConformanceKit {
  private HikariDataSource pool;

  @Override
  protected AuthStore createStore() {
    pool = PrismaTables.mariadb();
    return PrismaTables.store(pool);
  }

  @Override
  protected void closeStore(AuthStore store) {
    pool.close();
  }
}
