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
 * On the Prisma adapter's schema it creates only the store's own tables beside the adapter's
 * ({@code schema/prisma/*.sql}): Prisma's migrations own {@code User}, {@code Account} and the rest.
 */
public final class SchemaInstaller {
  private SchemaInstaller() {}

  public static void install(DataSource dataSource, Dialect dialect) {
    install(dataSource, dialect, JdbcSchema.NATIVE);
  }

  /** Creates the missing tables of the store on {@code schema}: all of them, or on Prisma's its own alone. */
  public static void install(DataSource dataSource, Dialect dialect, JdbcSchema schema) {
    String resource = resource(dialect, schema);
    List<String> statements = statements(resource);
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    } catch (SQLException e) {
      throw new StoreException("cannot create the store schema (" + resource + ")", e);
    }
  }

  /** The schema file to run: the dialect's, or on Prisma's schema the store's own tables beside it. */
  static String resource(Dialect dialect, JdbcSchema schema) {
    String own = dialect.schemaResource();
    if (!schema.prisma()) {
      return own;
    }
    int slash = own.lastIndexOf('/');
    return own.substring(0, slash) + "/prisma" + own.substring(slash);
  }

  /** The schema file split into statements; comments and blank lines dropped. */
  static List<String> statements(String resource) {
    String text;
    try (InputStream in = Objects.requireNonNull(SchemaInstaller.class.getResourceAsStream(resource), resource)) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + resource, e);
    }
    String withoutComments = text.lines().filter(l -> !l.strip().startsWith("--"))
        .reduce("", (a, b) -> a + b + "\n");
    return Arrays.stream(withoutComments.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }
}
