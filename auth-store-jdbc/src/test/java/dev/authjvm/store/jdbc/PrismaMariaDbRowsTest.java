package dev.authjvm.store.jdbc;

import com.zaxxer.hikari.HikariDataSource;

/** A MariaDB database shared with Auth.js's Prisma adapter, on its documented MySQL models. */
class PrismaMariaDbRowsTest extends PrismaRowsChecks {
  @Override
  HikariDataSource tables() {
    return PrismaTables.mariadb();
  }

  @Override
  boolean idColumns() {
    return true;
  }

  @Override
  String quoted(String sql) {
    return sql.replace('"', '`');
  }
}
