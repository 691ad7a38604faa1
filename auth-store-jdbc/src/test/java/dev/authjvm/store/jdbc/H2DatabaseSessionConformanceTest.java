package dev.authjvm.store.jdbc;

/** The adapter kit with database sessions in embedded H2, the demo's database. */
class H2DatabaseSessionConformanceTest extends JdbcKitRun {
  @Override
  TestDatabases.Server database() {
    return TestDatabases.h2();
  }
}
