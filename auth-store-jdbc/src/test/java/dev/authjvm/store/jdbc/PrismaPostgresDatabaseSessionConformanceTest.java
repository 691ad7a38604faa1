package dev.authjvm.store.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.authjvm.testsupport.TestDatabases;

/**
 * The adapter kit with database sessions in PostgreSQL, on the Prisma adapter's tables. Its users without
 * an email (credentials and OAuth sign-ins whose profile has none) need the column nullable: see
 * {@link PrismaTables#postgresWithOptionalEmail}.
 */
class PrismaPostgresDatabaseSessionConformanceTest extends JdbcKitRun {
  @Override
  TestDatabases.Database database() {
    throw new UnsupportedOperationException("the pool comes with the Prisma adapter's tables");
  }

  @Override
  HikariDataSource pool() {
    return PrismaTables.postgresWithOptionalEmail();
  }

  @Override
  JdbcAuthStore store(HikariDataSource pool) {
    return PrismaTables.store(pool);
  }
}
