package dev.authjvm.store.jdbc;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import javax.sql.DataSource;

/** Configures a {@link JdbcAuthStore}; {@link #build()} checks the database is reachable. */
public final class JdbcAuthStoreBuilder {
  final DataSource dataSource;
  private Dialect dialect;
  private JdbcSchema schema = JdbcSchema.NATIVE;
  private boolean createSchema;
  Duration purgeInterval = Duration.ofHours(1);
  Clock clock = Clock.systemUTC();
  AutoCloseable owned;

  JdbcAuthStoreBuilder(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  /** The database's dialect; detected from the driver when not set. */
  public JdbcAuthStoreBuilder dialect(Dialect dialect) {
    this.dialect = dialect;
    return this;
  }

  /**
   * The tables to run on: the store's own (the default) or {@link JdbcSchema#PRISMA the Prisma adapter's},
   * to share a database with an Auth.js app.
   */
  public JdbcAuthStoreBuilder schema(JdbcSchema schema) {
    this.schema = Objects.requireNonNull(schema, "schema");
    return this;
  }

  /**
   * Creates missing tables at start-up (off by default: run the shipped schema file yourself). On the
   * Prisma adapter's schema, only the store's own tables: Prisma's migrations create the adapter's.
   */
  public JdbcAuthStoreBuilder createSchema(boolean createSchema) {
    this.createSchema = createSchema;
    return this;
  }

  /** How often expired sessions, verification tokens, session records and counters are deleted; default hourly, {@link Duration#ZERO} never. */
  public JdbcAuthStoreBuilder purgeExpiredEvery(Duration interval) {
    if (interval.isNegative()) {
      throw new IllegalArgumentException("purge interval must not be negative");
    }
    this.purgeInterval = interval;
    return this;
  }

  /** The clock that decides what has expired; default the system's. */
  public JdbcAuthStoreBuilder clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /** Something the store closes with itself, such as a pool made only for it. */
  public JdbcAuthStoreBuilder closeWith(AutoCloseable resource) {
    this.owned = resource;
    return this;
  }

  public JdbcAuthStore build() {
    Dialect chosen = dialect != null ? dialect : Dialect.of(dataSource);
    SchemaNames names = SchemaNames.of(schema, chosen, dataSource);
    if (createSchema) {
      SchemaInstaller.install(dataSource, chosen, schema);
    }
    return new JdbcAuthStore(this, chosen, names);
  }
}
