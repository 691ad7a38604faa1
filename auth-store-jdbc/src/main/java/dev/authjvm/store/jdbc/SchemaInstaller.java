package dev.authjvm.store.jdbc;

import dev.authjvm.core.store.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Creates the store's tables when they are missing (opt-in; most teams run the shipped schema file
 * through their own migrations). Every statement is {@code IF NOT EXISTS}, so running it again is harmless.
 */
public final class SchemaInstaller {
  private SchemaInstaller() {}

  public static void install(DataSource dataSource, Dialect dialect) {
    List<String> statements = statements(dialect);
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    } catch (SQLException e) {
      throw new StoreException("cannot create the store schema (" + dialect.schemaResource() + ")", e);
    }
  }

  /** The schema file split into statements; comments and blank lines dropped. */
  static List<String> statements(Dialect dialect) {
    String text;
    try (InputStream in = Objects.requireNonNull(SchemaInstaller.class.getResourceAsStream(dialect.schemaResource()),
        dialect.schemaResource())) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + dialect.schemaResource(), e);
    }
    String withoutComments = text.lines().filter(l -> !l.strip().startsWith("--"))
        .reduce("", (a, b) -> a + b + "\n");
    return Arrays.stream(withoutComments.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }
}
