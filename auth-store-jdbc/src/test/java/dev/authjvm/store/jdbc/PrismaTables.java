package dev.authjvm.store.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.authjvm.testsupport.TestDatabases;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A fresh test database with the Prisma adapter's tables, made as {@code prisma migrate} makes them
 * (src/test/resources/prisma/*.sql), and a store on it in the Prisma schema.
 */
final class PrismaTables {
  private PrismaTables() {}

  /** A fresh PostgreSQL schema with the Prisma adapter's tables; close the pool when done. */
  static HikariDataSource postgres() {
    return create(TestDatabases.postgres(), "/prisma/postgresql.sql");
  }

  /**
   * The same, but with {@code "User"."email"} nullable, as the adapter's MySQL and SQLite models have it.
   * Its PostgreSQL model requires an email, so a user without one (e.g. from an OAuth provider that gives
   * none) is refused there, by Auth.js and this store alike; the kits create such users.
   */
  static HikariDataSource postgresWithOptionalEmail() {
    HikariDataSource pool = postgres();
    try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
      s.execute("ALTER TABLE \"User\" ALTER COLUMN \"email\" DROP NOT NULL");
    } catch (SQLException e) {
      pool.close();
      throw new IllegalStateException("cannot make User.email nullable", e);
    }
    return pool;
  }

  /** A fresh MariaDB database with the Prisma adapter's tables (its MySQL models); close the pool when done. */
  static HikariDataSource mariadb() {
    return create(TestDatabases.mariadb(), "/prisma/mysql.sql");
  }

  /** The store on those tables, creating only its own tables beside them. */
  static JdbcAuthStore store(HikariDataSource pool) {
    return JdbcAuthStore.builder(pool).schema(JdbcSchema.PRISMA).createSchema(true).build();
  }

  /** The Prisma adapter's tables from {@code ddl} (a test resource) in {@code database}, and a pool on it. */
  static HikariDataSource create(TestDatabases.Database database, String ddl) {
    HikariDataSource pool = database.pool();
    try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
      for (String statement : SchemaInstaller.statements(ddl)) {
        s.execute(statement);
      }
    } catch (SQLException e) {
      pool.close();
      throw new IllegalStateException("cannot create the Prisma tables from " + ddl, e);
    }
    return pool;
  }
}
