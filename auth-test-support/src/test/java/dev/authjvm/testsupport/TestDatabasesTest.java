package dev.authjvm.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Runs sharing one server cannot see each other's tables: every call gets a schema or database of its own. */
class TestDatabasesTest {
  @Test
  void twoPostgresDatabasesAreIsolated() throws SQLException {
    assertIsolated(TestDatabases::postgres);
  }

  @Test
  void twoMariaDbDatabasesAreIsolated() throws SQLException {
    assertIsolated(TestDatabases::mariadb);
  }

  private static void assertIsolated(Supplier<TestDatabases.Database> database) throws SQLException {
    TestDatabases.Database one = database.get();
    TestDatabases.Database other = database.get();
    assertNotEquals(one.url(), other.url());
    try (Connection c = one.connect(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE auth_user (id VARCHAR(10))");
      s.execute("INSERT INTO auth_user VALUES ('mine')");
    }
    try (Connection c = other.connect(); Statement s = c.createStatement()) {
      // The other database has no such table, so it can create its own.
      s.execute("CREATE TABLE auth_user (id VARCHAR(10))");
      ResultSet rows = s.executeQuery("SELECT COUNT(*) FROM auth_user");
      rows.next();
      assertEquals(0, rows.getInt(1), "the first database's row is not visible");
    }
    assertThrows(SQLException.class, () -> {
      try (Connection c = one.connect(); Statement s = c.createStatement()) {
        s.execute("CREATE TABLE auth_user (id VARCHAR(10))");
      }
    }, "the first database still has its own table");
  }
}
