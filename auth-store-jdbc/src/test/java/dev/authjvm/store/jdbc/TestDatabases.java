package dev.authjvm.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.mariadb.MariaDBContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Where store tests find their database (DEVELOPERS.md): an environment variable with a JDBC URL, else
 * the machine's server on its default port, else a Testcontainers container when Docker is up, else
 * the test is skipped with a message saying how to enable it.
 */
final class TestDatabases {
  private TestDatabases() {}

  /** A JDBC URL with its user and password. */
  record Server(String url, String user, String password) {
    HikariDataSource pool() {
      HikariConfig config = new HikariConfig();
      config.setJdbcUrl(url);
      config.setUsername(user);
      config.setPassword(password);
      config.setMaximumPoolSize(10);
      config.setConnectionTimeout(3_000);
      return new HikariDataSource(config);
    }
  }

  static Server postgres() {
    return find("AUTH_TEST_POSTGRES_URL", 5432, new Server("jdbc:postgresql://127.0.0.1:5432/test", "postgres", ""),
        () -> {
          PostgreSQLContainer c = new PostgreSQLContainer("postgres:16-alpine");
          c.start();
          return new Server(c.getJdbcUrl(), c.getUsername(), c.getPassword());
        }, "PostgreSQL");
  }

  static Server mariadb() {
    return find("AUTH_TEST_MARIADB_URL", 3306, new Server("jdbc:mariadb://127.0.0.1:3306/test", "root", ""),
        () -> {
          MariaDBContainer c = new MariaDBContainer("mariadb:11");
          c.start();
          return new Server(c.getJdbcUrl(), c.getUsername(), c.getPassword());
        }, "MariaDB");
  }

  /** A fresh in-memory H2 database, kept while a connection is open. */
  static Server h2() {
    return new Server("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
  }

  private interface Container {
    Server start();
  }

  private static Server find(String envVar, int port, Server local, Container container, String name) {
    Optional<String> url = Optional.ofNullable(System.getenv(envVar)).filter(s -> !s.isBlank());
    if (url.isPresent()) {
      return new Server(url.get(), System.getenv().getOrDefault(envVar + "_USER", local.user()),
          System.getenv().getOrDefault(envVar + "_PASSWORD", ""));
    }
    if (answers(port)) {
      return local;
    }
    if (dockerIsUp()) {
      return container.start();
    }
    Assumptions.abort(name + " is not reachable: set " + envVar + " to a JDBC URL, start " + name
        + " on 127.0.0.1:" + port + " (scripts/test.sh does when run as root), or run a Docker engine");
    throw new AssertionError("unreachable");
  }

  static boolean answers(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean dockerIsUp() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }
}
