package dev.authjvm.store.jdbc;

import dev.authjvm.testsupport.TestDatabases;

/** The adapter kit with database sessions in embedded H2, the demo's database. */
class H2DatabaseSessionConformanceTest extends JdbcKitRun {
  @Override
  TestDatabases.Database database() {
    return TestDatabases.h2();
  }
}
