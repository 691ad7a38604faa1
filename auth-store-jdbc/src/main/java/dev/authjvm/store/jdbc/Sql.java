package dev.authjvm.store.jdbc;

import dev.authjvm.core.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The few JDBC moves the store makes, each on a pooled connection, with every {@link SQLException}
 * turned into a {@link StoreException} that names the operation.
 */
final class Sql {
  private final DataSource dataSource;

  Sql(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  interface RowMapper<T> {
    T map(ResultSet row) throws SQLException;
  }

  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  /** Runs {@code work} in one transaction: all of its writes land, or none. */
  <T> T transaction(String operation, Work<T> work) {
    try (Connection c = dataSource.getConnection()) {
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw failure(operation, e);
    }
  }

  /**
   * Like {@link #transaction}, but tried again (up to {@value #ATTEMPTS} times) when the database gives it up
   * for a conflict with a concurrent one: a deadlock, a serialization failure, or two upserts of a new key
   * that both found no row (H2 reports the loser's insert as a duplicate key).
   */
  <T> T transactionRetryingConflicts(String operation, Work<T> work) {
    for (int attempt = 1; ; attempt++) {
      try {
        return transaction(operation, work);
      } catch (StoreException e) {
        if (attempt == ATTEMPTS || !(e.getCause() instanceof SQLException cause) || !isConflict(cause)) {
          throw e;
        }
      }
    }
  }

  private static final int ATTEMPTS = 5;

  private static boolean isConflict(SQLException e) {
    String state = e.getSQLState();
    return state != null && (state.equals("40001") || state.equals("40P01") || state.startsWith("23"));
  }

  int update(String operation, String sql, Object... params) {
    try (Connection c = dataSource.getConnection()) {
      return update(c, sql, params);
    } catch (SQLException e) {
      throw failure(operation, e);
    }
  }

  <T> Optional<T> queryOne(String operation, String sql, RowMapper<T> mapper, Object... params) {
    try (Connection c = dataSource.getConnection()) {
      return queryOne(c, sql, mapper, params);
    } catch (SQLException e) {
      throw failure(operation, e);
    }
  }

  <T> List<T> queryAll(String operation, String sql, RowMapper<T> mapper, Object... params) {
    try (Connection c = dataSource.getConnection()) {
      return queryAll(c, sql, mapper, params);
    } catch (SQLException e) {
      throw failure(operation, e);
    }
  }

  static int update(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      bind(s, params);
      return s.executeUpdate();
    }
  }

  static <T> Optional<T> queryOne(Connection c, String sql, RowMapper<T> mapper, Object... params)
      throws SQLException {
    return queryAll(c, sql, mapper, params).stream().findFirst();
  }

  static <T> List<T> queryAll(Connection c, String sql, RowMapper<T> mapper, Object... params) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      bind(s, params);
      try (ResultSet rows = s.executeQuery()) {
        List<T> found = new ArrayList<>();
        while (rows.next()) {
          found.add(mapper.map(rows));
        }
        return found;
      }
    }
  }

  /** The parameters of one statement, given in parts (e.g. the fields, then the columns a schema adds). */
  static Object[] params(Object[]... parts) {
    return Arrays.stream(parts).flatMap(Arrays::stream).toArray();
  }

  /** A {@code null} for a BIGINT column (PostgreSQL refuses a text-typed null there). */
  static final Object NULL_BIGINT = new Object();

  /** A {@code null} for a TIMESTAMP column. */
  static final Object NULL_TIMESTAMP = new Object();

  /** A nullable number for a BIGINT column. */
  static Object bigint(Long value) {
    return value == null ? NULL_BIGINT : value;
  }

  /** A nullable instant for a BIGINT column of epoch milliseconds. */
  static Object bigint(Instant value) {
    return value == null ? NULL_BIGINT : value;
  }

  /**
   * Binds values in order; {@link Instant}s become epoch milliseconds, as the store's own schema stores them,
   * and {@link LocalDateTime}s SQL timestamps (without a zone: the value is UTC).
   */
  private static void bind(PreparedStatement s, Object... params) throws SQLException {
    for (int i = 0; i < params.length; i++) {
      Object p = params[i];
      if (p == NULL_BIGINT) {
        s.setNull(i + 1, Types.BIGINT);
      } else if (p == NULL_TIMESTAMP) {
        s.setNull(i + 1, Types.TIMESTAMP);
      } else if (p instanceof LocalDateTime time) {
        s.setObject(i + 1, time);
      } else if (p == null) {
        s.setNull(i + 1, Types.VARCHAR);
      } else if (p instanceof Instant instant) {
        s.setLong(i + 1, instant.toEpochMilli());
      } else if (p instanceof Long l) {
        s.setLong(i + 1, l);
      } else if (p instanceof Boolean b) {
        s.setBoolean(i + 1, b);
      } else {
        s.setString(i + 1, p.toString());
      }
    }
  }

  static Instant instant(ResultSet row, String column) throws SQLException {
    long millis = row.getLong(column);
    return row.wasNull() ? null : Instant.ofEpochMilli(millis);
  }

  static Long nullableLong(ResultSet row, String column) throws SQLException {
    long value = row.getLong(column);
    return row.wasNull() ? null : value;
  }

  private static StoreException failure(String operation, SQLException e) {
    return new StoreException(operation + " failed: " + e.getMessage(), e);
  }
}
