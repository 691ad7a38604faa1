package dev.authjvm.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.authjvm.core.error.ConfigurationException;
import dev.authjvm.core.spi.Environment;
import dev.authjvm.core.store.AuthStore;
import dev.authjvm.core.spi.AuthStoreFactory;
import java.util.Optional;

/**
 * Makes the JDBC store from the environment when {@code AUTH_JDBC_URL} is set, on its own HikariCP
 * pool. Settings: {@code AUTH_JDBC_URL}, {@code AUTH_JDBC_USER}, {@code AUTH_JDBC_PASSWORD},
 * {@code AUTH_JDBC_POOL_SIZE} (default 10), {@code AUTH_JDBC_CREATE_SCHEMA} (default false),
 * {@code AUTH_JDBC_SCHEMA} ({@code native}, the default, or {@code prisma}: see {@link JdbcSchema}). The JDBC
 * driver of the database must be on the classpath. Applications with a pool of their own pass it to
 * {@link JdbcAuthStore#builder} instead.
 */
public final class JdbcStoreFactory implements AuthStoreFactory {
  @Override
  public Optional<AuthStore> create(Environment env) {
    Optional<String> url = env.get("AUTH_JDBC_URL");
    if (url.isEmpty()) {
      return Optional.empty();
    }
    if (!url.get().startsWith("jdbc:")) {
      throw new ConfigurationException("AUTH_JDBC_URL must be a JDBC URL such as jdbc:postgresql://host/db, not '"
          + url.get() + "'");
    }
    JdbcSchema schema = env.get("AUTH_JDBC_SCHEMA").map(JdbcSchema::named).orElse(JdbcSchema.NATIVE);
    HikariConfig pool = new HikariConfig();
    pool.setJdbcUrl(url.get());
    env.get("AUTH_JDBC_USER").ifPresent(pool::setUsername);
    env.get("AUTH_JDBC_PASSWORD").ifPresent(pool::setPassword);
    pool.setMaximumPoolSize(poolSize(env));
    pool.setPoolName("authjvm-store");
    // Start even when the database is down; requests fail cleanly until it is back.
    pool.setInitializationFailTimeout(-1);
    pool.setConnectionTimeout(5_000);
    HikariDataSource dataSource;
    try {
      dataSource = new HikariDataSource(pool);
    } catch (RuntimeException e) {
      throw new ConfigurationException("AUTH_JDBC_URL '" + url.get() + "' cannot be used: " + e.getMessage());
    }
    try {
      return Optional.of(JdbcAuthStore.builder(dataSource)
          .schema(schema)
          .createSchema(env.flag("AUTH_JDBC_CREATE_SCHEMA").orElse(false))
          .closeWith(dataSource)
          .build());
    } catch (RuntimeException e) {
      dataSource.close();
      throw e;
    }
  }

  private static int poolSize(Environment env) {
    String value = env.get("AUTH_JDBC_POOL_SIZE").orElse("10");
    try {
      int size = Integer.parseInt(value);
      if (size >= 1) {
        return size;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw new ConfigurationException("AUTH_JDBC_POOL_SIZE must be a positive whole number, not '" + value + "'");
  }
}
