package dev.authjvm.store.jdbc;

import dev.authjvm.core.store.StoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * The databases the store knows. Its SQL is portable; a dialect only chooses the schema file, whose
 * column types and index syntax differ.
 */
public enum Dialect {
  POSTGRESQL("postgresql.sql"),
  /** MariaDB and MySQL. */
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
        + "': the JDBC store supports PostgreSQL, MariaDB/MySQL and H2");
  }
}
