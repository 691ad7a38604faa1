package dev.authjvm.store.jdbc;

import dev.authjvm.core.store.StoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * The databases the store knows. Most of its SQL is portable; a dialect chooses the schema file, whose
 * column types and index syntax differ, and writes the statements that have no portable form: bounded
 * deletes and atomic upserts.
 */
public enum Dialect {
  POSTGRESQL("postgresql.sql"),
  /**
   * MariaDB. A MySQL server is detected as this dialect too and gets its schema, but no test runs
   * against MySQL, so it is not claimed to work.
   */
  MARIADB("mariadb.sql"),
  H2("h2.sql");

  private final String schemaFile;

  Dialect(String schemaFile) {
    this.schemaFile = schemaFile;
  }

  /** The schema file inside the jar, e.g. {@code /dev/authjvm/store/jdbc/schema/postgresql.sql}. */
  public String schemaResource() {
    return "/dev/authjvm/store/jdbc/schema/" + schemaFile;
  }

  /**
   * Deletes at most {@code ?2} rows of {@code table} whose {@code expires} is before {@code ?1}: a
   * bounded batch, so a purge never holds a long lock or a huge transaction.
   */
  String deleteExpiredBatch(String table) {
    return switch (this) {
      case POSTGRESQL -> "DELETE FROM " + table + " WHERE ctid = ANY(ARRAY(SELECT ctid FROM " + table
          + " WHERE expires < ? LIMIT ?))";
      case MARIADB -> "DELETE FROM " + table + " WHERE expires < ? LIMIT ?";
      case H2 -> "DELETE FROM " + table + " WHERE expires < ? FETCH FIRST ? ROWS ONLY";
    };
  }

  /**
   * Inserts a row of {@code columns} into {@code table}, or replaces every other column of the row with the
   * same {@code key}: one statement, so two instances saving the same row cannot both insert it.
   */
  String upsert(String table, String key, List<String> columns) {
    String names = String.join(", ", columns);
    String marks = String.join(", ", Collections.nCopies(columns.size(), "?"));
    List<String> others = columns.stream().filter(c -> !c.equals(key)).toList();
    return switch (this) {
      case POSTGRESQL -> "INSERT INTO " + table + " (" + names + ") VALUES (" + marks + ") ON CONFLICT (" + key
          + ") DO UPDATE SET " + others.stream().map(c -> c + " = EXCLUDED." + c).collect(Collectors.joining(", "));
      case MARIADB -> "INSERT INTO " + table + " (" + names + ") VALUES (" + marks + ") ON DUPLICATE KEY UPDATE "
          + others.stream().map(c -> c + " = VALUES(" + c + ")").collect(Collectors.joining(", "));
      case H2 -> "MERGE INTO " + table + " (" + names + ") KEY (" + key + ") VALUES (" + marks + ")";
    };
  }

  /**
   * Adds one to the counter {@code ?1} in {@code auth_counter}, or starts it at 1 with the window's end
   * {@code ?2} when it does not exist or its window closed before {@code ?3} (= {@code ?4}): one atomic
   * statement, whichever instance runs it. The value is assigned before the expiry because MariaDB evaluates
   * the assignments in order; both read the old expiry.
   */
  String incrementCounter() {
    String restart = "expires <= ?";
    return switch (this) {
      case POSTGRESQL -> "INSERT INTO auth_counter AS c (counter_key, counter_value, expires) VALUES (?, 1, ?)"
          + " ON CONFLICT (counter_key) DO UPDATE SET"
          + " counter_value = CASE WHEN c." + restart + " THEN 1 ELSE c.counter_value + 1 END,"
          + " expires = CASE WHEN c." + restart + " THEN EXCLUDED.expires ELSE c.expires END";
      case MARIADB -> "INSERT INTO auth_counter (counter_key, counter_value, expires) VALUES (?, 1, ?)"
          + " ON DUPLICATE KEY UPDATE counter_value = IF(" + restart + ", 1, counter_value + 1),"
          + " expires = IF(" + restart + ", VALUES(expires), expires)";
      case H2 -> "MERGE INTO auth_counter c USING (VALUES (CAST(? AS VARCHAR(255)), CAST(? AS BIGINT))) s (k, e)"
          + " ON c.counter_key = s.k"
          + " WHEN MATCHED THEN UPDATE SET counter_value = CASE WHEN c." + restart + " THEN 1 ELSE c.counter_value + 1 END,"
          + " expires = CASE WHEN c." + restart + " THEN s.e ELSE c.expires END"
          + " WHEN NOT MATCHED THEN INSERT (counter_key, counter_value, expires) VALUES (s.k, 1, s.e)";
    };
  }

  /** The dialect of the database behind {@code dataSource}, from its driver's product name. */
  public static Dialect of(DataSource dataSource) {
    try (Connection c = dataSource.getConnection()) {
      return ofProductName(c.getMetaData().getDatabaseProductName());
    } catch (SQLException e) {
      throw new StoreException("cannot reach the database to detect its dialect", e);
    }
  }

  static Dialect ofProductName(String productName) {
    String name = productName.toLowerCase(Locale.ROOT);
    if (name.contains("postgres")) {
      return POSTGRESQL;
    }
    if (name.contains("mariadb") || name.contains("mysql")) {
      return MARIADB;
    }
    if (name.equals("h2")) {
      return H2;
    }
    throw new IllegalArgumentException("unsupported database '" + productName
        + "': the JDBC store supports PostgreSQL, MariaDB and H2");
  }
}
