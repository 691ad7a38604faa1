package dev.authjvm.store.jdbc;

import dev.authjvm.testsupport.TestDatabases;

/** The adapter kit with database sessions in PostgreSQL. */
class PostgresDatabaseSessionConformanceTest extends JdbcKitRun {
  @Override
  TestDatabases.Database database() {
    return TestDatabases.postgres();
  }
}
