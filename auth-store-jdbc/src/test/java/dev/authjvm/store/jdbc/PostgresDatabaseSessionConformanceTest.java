package dev.authjvm.store.jdbc;

/** The adapter kit with database sessions in PostgreSQL. */
class PostgresDatabaseSessionConformanceTest extends JdbcKitRun {
  @Override
  TestDatabases.Server database() {
    return TestDatabases.postgres();
  }
}
