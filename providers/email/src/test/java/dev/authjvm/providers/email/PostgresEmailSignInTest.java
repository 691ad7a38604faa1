package dev.authjvm.providers.email;

import com.zaxxer.hikari.HikariDataSource;
import dev.authjvm.core.store.AuthStore;
import dev.authjvm.store.jdbc.JdbcAuthStore;
import dev.authjvm.store.jdbc.TestDatabases;

/** Email sign-in with its tokens, users and sessions in PostgreSQL. */
class PostgresEmailSignInTest extends EmailSignInChecks {
  HikariDataSource pool;

  @Override
  AuthStore createStore() {
    pool = TestDatabases.postgres().pool();
    return JdbcAuthStore.builder(pool).createSchema(true).build();
  }

  @Override
  void closeStore(AuthStore store) {
    pool.close();
  }
}
