package dev.authjvm.benchmarks.server;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.authjvm.core.store.AuthStore;
import dev.authjvm.core.user.User;
import dev.authjvm.store.jdbc.JdbcAuthStore;
import dev.authjvm.store.redis.RedisAuthStore;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;

/**
 * The stores of the database-session runs, each in its own namespace (a PostgreSQL schema, a Redis
 * key prefix) so the benchmark never touches data of the tests that share these servers, and drops
 * it all again with {@code --cleanup}. Start-up always begins from an empty namespace.
 */
final class Stores {
  static final String REDIS_URL = env("BENCH_REDIS_URL", "redis://127.0.0.1:6379/0");
  static final String REDIS_PREFIX = "authjvm-bench:";
  static final String PG_BASE_URL = env("BENCH_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test");
  static final String PG_USER = env("BENCH_POSTGRES_USER", "postgres");
  static final String PG_SCHEMA = "authjvm_bench";
  /** The owner of the pre-filled sessions; the signed-in user is another one, made by sign-in. */
  static final User FILL_USER = new User("bench-fill", "Fill User", "fill@example.com", null, null);

  private Stores() {}

  static AuthStore open(String name, long prefill) throws Exception {
    return switch (name) {
      case "none" -> null;
      case "redis" -> redis(prefill);
      case "postgres" -> postgres(prefill);
      default -> throw new IllegalArgumentException("unknown --store " + name);
    };
  }

  static void cleanup() throws Exception {
    long removed = Prefill.clearRedis(REDIS_URL, REDIS_PREFIX);
    try (Connection c = DriverManager.getConnection(PG_BASE_URL, PG_USER, null); Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + PG_SCHEMA + " CASCADE");
    }
    System.out.println("bench data removed: " + removed + " Redis keys, PostgreSQL schema " + PG_SCHEMA);
  }

  private static AuthStore redis(long prefill) throws Exception {
    Prefill.clearRedis(REDIS_URL, REDIS_PREFIX);
    RedisAuthStore store = RedisAuthStore.builder(REDIS_URL).keyPrefix(REDIS_PREFIX).build();
    if (prefill > 0) {
      store.createUser(FILL_USER);
      Prefill.redis(REDIS_URL, REDIS_PREFIX, FILL_USER.id(), prefill);
    }
    return store;
  }

  private static AuthStore postgres(long prefill) throws SQLException {
    try (Connection c = DriverManager.getConnection(PG_BASE_URL, PG_USER, null); Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + PG_SCHEMA + " CASCADE");
      s.execute("CREATE SCHEMA " + PG_SCHEMA);
    }
    HikariConfig hikari = new HikariConfig();
    hikari.setJdbcUrl(pgUrl());
    hikari.setUsername(PG_USER);
    // As many connections as the Undertow worker pool has threads would only queue in PostgreSQL on 2 cores.
    hikari.setMaximumPoolSize(16);
    JdbcAuthStore store = JdbcAuthStore.builder(new HikariDataSource(hikari)).createSchema(true).build();
    if (prefill > 0) {
      store.createUser(FILL_USER);
      try (Connection c = DriverManager.getConnection(pgUrl(), PG_USER, null)) {
        Prefill.postgres(c, FILL_USER.id(), prefill);
      }
    }
    return store;
  }

  static String pgUrl() {
    return PG_BASE_URL + (PG_BASE_URL.contains("?") ? "&" : "?") + "currentSchema=" + PG_SCHEMA;
  }

  /** Pre-filled sessions live an hour: valid during the run, gone soon after even without a cleanup. */
  static Instant fillExpiry() {
    return Instant.now().plusSeconds(3600);
  }

  private static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }
}
