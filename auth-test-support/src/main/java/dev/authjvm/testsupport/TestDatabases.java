package dev.authjvm.testsupport;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.testcontainers.mariadb.MariaDBContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Where store tests find their database: the server named by an environment variable (a JDBC URL),
 * else the machine's server on its default port, else a Testcontainers container when Docker is up,
 * else {@link Services#unavailable}: skipped outside CI, a failure under CI.
 *
 * <p>Several test runs share the machine's servers at once, so every call gets a database of its own:
 * a fresh PostgreSQL schema or MariaDB database with a random name, dropped when the JVM exits.
 * Leftovers of runs that were killed are dropped by later runs once they are a few hours old.
 */
public final class TestDatabases {
  private static final String PREFIX = "authjvm_t_";
  private static final Pattern OURS = Pattern.compile(PREFIX + "(\\d+)_[0-9a-f]+");
  private static final Duration STALE = Duration.ofHours(6);
  private static final List<Runnable> DROPS = new ArrayList<>();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      synchronized (DROPS) {
        DROPS.forEach(Runnable::run);
      }
    }, "drop-test-databases"));
  }

  private TestDatabases() {}

  /** A JDBC URL with its user and password. */
  public record Database(String url, String user, String password) {
    /** A small pool on this database; close it when done. */
    public HikariDataSource pool() {
      HikariConfig config = new HikariConfig();
      config.setJdbcUrl(url);
      config.setUsername(user);
      config.setPassword(password);
      config.setMaximumPoolSize(10);
      config.setConnectionTimeout(3_000);
      return new HikariDataSource(config);
    }

    Connection connect() throws SQLException {
      return DriverManager.getConnection(url, user, password);
    }
  }

  /** A fresh schema on PostgreSQL ({@code AUTH_TEST_POSTGRES_URL}, else 127.0.0.1:5432, database {@code test}). */
  public static Database postgres() {
    return find(Engine.POSTGRESQL);
  }

  /** A fresh database on MariaDB ({@code AUTH_TEST_MARIADB_URL}, else 127.0.0.1:3306 as root). */
  public static Database mariadb() {
    return find(Engine.MARIADB);
  }

  /** A fresh in-memory H2 database, kept while a connection is open. */
  public static Database h2() {
    return new Database("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
  }

  private static Database find(Engine engine) {
    Optional<String> fromEnv = Services.env(engine.envVar);
    Database server = fromEnv.map(url -> new Database(url, Services.env(engine.envVar + "_USER").orElse(engine.user),
        Services.env(engine.envVar + "_PASSWORD").orElse(""))).orElse(engine.local);
    if (Services.urlAnswers(server.url(), engine.defaultPort)) {
      return isolated(engine, server);
    }
    if (fromEnv.isEmpty() && Services.dockerIsUp()) {
      return engine.container(); // a container of its own is isolated already
    }
    throw Services.unavailable(engine.service, Services.address(server.url(), engine.defaultPort)
        + fromEnv.map(u -> " (" + engine.envVar + ")").orElse(""), fromEnv.isPresent()
            ? "start the server " + engine.envVar + " names, or unset it to use 127.0.0.1:" + engine.defaultPort
            : engine.howTo);
  }

  private static Database isolated(Engine engine, Database server) {
    String name = PREFIX + Instant.now().getEpochSecond() + "_" + UUID.randomUUID().toString().substring(0, 8);
    try (Connection c = server.connect(); Statement s = c.createStatement()) {
      dropStale(engine, s);
      s.execute(engine.create(name));
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create " + engine.service + " " + engine.unit + " " + name + " for this test run"
          + " on " + server.url() + " as " + server.user() + " (it needs the right to create and drop one): " + e, e);
    }
    synchronized (DROPS) {
      DROPS.add(() -> drop(engine, server, name));
    }
    return new Database(engine.urlOf(server.url(), name), server.user(), server.password());
  }

  private static void dropStale(Engine engine, Statement s) throws SQLException {
    List<String> stale = new ArrayList<>();
    try (ResultSet names = s.executeQuery(engine.list())) {
      while (names.next()) {
        Matcher m = OURS.matcher(names.getString(1));
        if (m.matches() && Instant.ofEpochSecond(Long.parseLong(m.group(1))).isBefore(Instant.now().minus(STALE))) {
          stale.add(names.getString(1));
        }
      }
    }
    for (String name : stale) {
      try {
        s.execute(engine.drop(name));
      } catch (SQLException raced) {
        // another run dropped it first
      }
    }
  }

  private static void drop(Engine engine, Database server, String name) {
    try (Connection c = server.connect(); Statement s = c.createStatement()) {
      s.execute(engine.drop(name));
    } catch (SQLException e) {
      System.err.println("could not drop the test " + engine.unit + " " + name + ": " + e);
    }
  }

  private enum Engine {
    POSTGRESQL("PostgreSQL", "schema", "AUTH_TEST_POSTGRES_URL", 5432, "postgres",
        "start it with trust authentication and a database named test (scripts/test.sh does when run as root), "
            + "set AUTH_TEST_POSTGRES_URL to a JDBC URL (AUTH_TEST_POSTGRES_URL_USER, _PASSWORD), or run a Docker engine"),
    MARIADB("MariaDB", "database", "AUTH_TEST_MARIADB_URL", 3306, "root",
        "start it with root allowed in without a password (scripts/test.sh does when run as root), "
            + "set AUTH_TEST_MARIADB_URL to a JDBC URL (AUTH_TEST_MARIADB_URL_USER, _PASSWORD), or run a Docker engine");

    final String service;
    final String unit;
    final String envVar;
    final int defaultPort;
    final String user;
    final String howTo;
    final Database local;

    Engine(String service, String unit, String envVar, int defaultPort, String user, String howTo) {
      this.service = service;
      this.unit = unit;
      this.envVar = envVar;
      this.defaultPort = defaultPort;
      this.user = user;
      this.howTo = howTo;
      String scheme = service.equals("PostgreSQL") ? "postgresql" : "mariadb";
      this.local = new Database("jdbc:" + scheme + "://127.0.0.1:" + defaultPort + "/test", user, "");
    }

    String create(String name) {
      return this == POSTGRESQL ? "CREATE SCHEMA " + name : "CREATE DATABASE " + name;
    }

    String drop(String name) {
      return this == POSTGRESQL ? "DROP SCHEMA IF EXISTS " + name + " CASCADE" : "DROP DATABASE IF EXISTS " + name;
    }

    String list() {
      return this == POSTGRESQL ? "SELECT nspname FROM pg_namespace WHERE nspname LIKE '" + PREFIX + "%'"
          : "SELECT schema_name FROM information_schema.schemata WHERE schema_name LIKE '" + PREFIX + "%'";
    }

    /** The server's URL pointed at the run's own schema (PostgreSQL) or database (MariaDB). */
    String urlOf(String serverUrl, String name) {
      if (this == POSTGRESQL) {
        return serverUrl + (serverUrl.contains("?") ? "&" : "?") + "currentSchema=" + name;
      }
      URI uri = URI.create(serverUrl.substring("jdbc:".length()));
      return "jdbc:" + uri.getScheme() + "://" + uri.getRawAuthority() + "/" + name
          + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    Database container() {
      if (this == POSTGRESQL) {
        PostgreSQLContainer c = new PostgreSQLContainer("postgres:16-alpine");
        c.start();
        return new Database(c.getJdbcUrl(), c.getUsername(), c.getPassword());
      }
      MariaDBContainer c = new MariaDBContainer("mariadb:11");
      c.start();
      return new Database(c.getJdbcUrl(), c.getUsername(), c.getPassword());
    }
  }
}
