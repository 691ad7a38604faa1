package dev.authjvm.demo;

import java.sql.SQLException;
import java.sql.Statement;

/** The demo on MariaDB, in a database of this run's own on the same server. */
class DemoOnMariaDbTest extends DemoOnDatabaseChecks {
  @Override
  Server server() {
    return new Server("MARIADB", 3306, "jdbc:mariadb://127.0.0.1:3306/test", "root");
  }

  @Override
  void create(Statement admin) throws SQLException {
    admin.execute("CREATE DATABASE " + space);
  }

  @Override
  void drop(Statement admin) throws SQLException {
    admin.execute("DROP DATABASE " + space);
  }

  /** The same server and options, another database: jdbc:mariadb://host:port/<database>[?options]. */
  @Override
  String demoUrl(String serverUrl) {
    return serverUrl.replaceFirst("^(jdbc:mariadb://[^/?]+)(/[^?]*)?", "$1/" + space);
  }
}
