package dev.authjvm.demo;

import java.sql.SQLException;
import java.sql.Statement;

/** The demo on MariaDB, in a database of this run's own on the same server. */
class DemoOnMariaDbTest extends DemoOnDatabaseChecks {
  @Override
  String name() {
    return "MARIADB";
  }

  @Override
  int defaultPort() {
    return 3306;
  }

  @Override
  String defaultUrl() {
    return "jdbc:mariadb://127.0.0.1:3306/test";
  }

  @Override
  String defaultUser() {
    return "root";
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
