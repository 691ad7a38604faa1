package dev.authjvm.store.jdbc;

import dev.authjvm.core.error.ConfigurationException;
import dev.authjvm.core.store.StoreException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * A {@link JdbcSchema} on one database: its names quoted as the dialect quotes, its instants encoded as
 * it stores them, and the columns its tables have beyond the store's fields.
 *
 * <p>The Prisma models in Auth.js's documentation add {@code createdAt} and {@code updatedAt} to
 * {@code User}, {@code Account} and {@code Session}, and on MySQL an {@code id} to {@code Account} and
 * {@code Session}. Prisma fills {@code updatedAt} and those ids in its client, not in the database, so
 * the columns are {@code NOT NULL} without a default: the store fills them too, when the table has them.
 */
final class SchemaNames {
  private static final Pattern NAME = Pattern.compile("\\{([a-z_]+)}");
  private static final String UPDATED_AT = "updatedAt";
  private static final String ID = "id";
  private static final List<String> WITH_EXTRAS = List.of("auth_user", "auth_account", "auth_session");

  private final JdbcSchema schema;
  private final Dialect dialect;
  /** Own-schema table name to the extra columns ({@code updatedAt}, {@code id}) it has here. */
  private final Map<String, List<String>> extras;
  private final Map<String, String> statements = new ConcurrentHashMap<>();

  private SchemaNames(JdbcSchema schema, Dialect dialect, Map<String, List<String>> extras) {
    this.schema = schema;
    this.dialect = dialect;
    this.extras = extras;
  }

  /** The schema on {@code dialect}; for Prisma's, reads which extra columns its tables have. */
  static SchemaNames of(JdbcSchema schema, Dialect dialect, DataSource dataSource) {
    if (!schema.prisma()) {
      return new SchemaNames(schema, dialect, Map.of());
    }
    if (dialect == Dialect.H2) {
      throw new ConfigurationException("AUTH_JDBC_SCHEMA=prisma needs PostgreSQL or MySQL/MariaDB, not H2");
    }
    SchemaNames names = new SchemaNames(schema, dialect, Map.of());
    Map<String, List<String>> extras = new ConcurrentHashMap<>();
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      for (String table : WITH_EXTRAS) {
        extras.put(table, names.columnsOf(s, table));
      }
    } catch (SQLException e) {
      throw new StoreException("AUTH_JDBC_SCHEMA=prisma: cannot read the Prisma adapter's tables (User, Account,"
          + " Session, VerificationToken, Authenticator); create them with prisma migrate first", e);
    }
    return new SchemaNames(schema, dialect, Map.copyOf(extras));
  }

  private List<String> columnsOf(Statement s, String table) throws SQLException {
    Set<String> found = new HashSet<>();
    try (ResultSet none = s.executeQuery("SELECT * FROM " + quoted(table) + " WHERE 1 = 0")) {
      ResultSetMetaData meta = none.getMetaData();
      for (int i = 1; i <= meta.getColumnCount(); i++) {
        String column = meta.getColumnName(i);
        if (column.equals(UPDATED_AT) || column.equals(ID) && !table.equals("auth_user")) {
          found.add(column);
        }
      }
    }
    return found.stream().sorted().toList();
  }

  JdbcSchema schema() {
    return schema;
  }

  /** {@code template} with every {@code {own_name}} replaced by this schema's (quoted) name. */
  String sql(String template) {
    return statements.computeIfAbsent(template, t -> {
      Matcher m = NAME.matcher(t);
      StringBuilder out = new StringBuilder();
      while (m.find()) {
        m.appendReplacement(out, Matcher.quoteReplacement(quoted(m.group(1))));
      }
      return m.appendTail(out).toString();
    });
  }

  /** This schema's name of a table or column, quoted when it is Prisma's (whose names are case-sensitive). */
  String quoted(String own) {
    String name = schema.name(own);
    if (!schema.prisma()) {
      return name;
    }
    return dialect == Dialect.MARIADB ? "`" + name + "`" : "\"" + name + "\"";
  }

  /** The label a result set gives a column of this schema. */
  String label(String own) {
    return schema.name(own);
  }

  /** An instant (or {@code null}) as this schema stores it, for {@link Sql}'s parameters. */
  Object instant(Instant value) {
    if (!schema.timestamps()) {
      return Sql.bigint(value);
    }
    return value == null ? Sql.NULL_TIMESTAMP : LocalDateTime.ofInstant(value, ZoneOffset.UTC);
  }

  /** An instant read back from this schema's column, or {@code null}. */
  Instant instant(ResultSet row, String own) throws SQLException {
    if (!schema.timestamps()) {
      return Sql.instant(row, label(own));
    }
    LocalDateTime value = row.getObject(label(own), LocalDateTime.class);
    return value == null ? null : value.toInstant(ZoneOffset.UTC);
  }

  /** The extra columns an insert into {@code table} fills: {@code , "updatedAt", "id"} or empty. */
  String extraColumns(String table) {
    StringBuilder out = new StringBuilder();
    for (String column : extras.getOrDefault(table, List.of())) {
      out.append(", ").append(quoted(column));
    }
    return out.toString();
  }

  /** The placeholders of {@link #extraColumns}. */
  String extraPlaceholders(String table) {
    return ", ?".repeat(extras.getOrDefault(table, List.of()).size());
  }

  /** The values of {@link #extraColumns}, in the same order: now, and a fresh id. */
  Object[] extraValues(String table, Instant now) {
    return extras.getOrDefault(table, List.of()).stream()
        .map(column -> column.equals(UPDATED_AT) ? instant(now) : UUID.randomUUID().toString())
        .toArray();
  }

  /** {@code , "updatedAt" = ?} when {@code table} has that column, for an update's SET clause. */
  String touch(String table) {
    return extras.getOrDefault(table, List.of()).contains(UPDATED_AT) ? ", " + quoted(UPDATED_AT) + " = ?" : "";
  }

  /** The value of {@link #touch}'s placeholder, if it has one. */
  Object[] touchValues(String table, Instant now) {
    return extras.getOrDefault(table, List.of()).contains(UPDATED_AT) ? new Object[] {instant(now)} : new Object[0];
  }
}
