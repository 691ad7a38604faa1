package dev.authjvm.demo;

import java.sql.SQLException;
import java.sql.Statement;

/** The demo on PostgreSQL, in a schema of this run's own. */
class DemoOnPostgresTest extends DemoOnDatabaseChecks {
  @Override
  Server server() {
    return new Server("POSTGRES", 5432, "jdbc:postgresql://127.0.0.1:5432/test", "postgres");
  }

  @Override
  void create(Statement admin) throws SQLException {
    admin.execute("CREATE SCHEMA " + space);
  }

  @Override
  void drop(Statement admin) throws SQLException {
    admin.execute("DROP SCHEMA " + space + " CASCADE");
  }

  @Override
  String demoUrl(String serverUrl) {
    return serverUrl + (serverUrl.contains("?") ? "&" : "?") + "currentSchema=" + space;
  }
}
