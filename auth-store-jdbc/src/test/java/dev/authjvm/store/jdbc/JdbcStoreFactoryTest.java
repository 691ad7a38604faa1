package dev.authjvm.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.authjvm.core.error.ConfigurationException;
import dev.authjvm.core.spi.Environment;
import dev.authjvm.core.store.StoreException;
import dev.authjvm.core.user.User;
import dev.authjvm.testsupport.TestDatabases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** AUTH_JDBC_SCHEMA: which tables the store made from the environment runs on. */
class JdbcStoreFactoryTest {
  private static Map<String, String> env(TestDatabases.Database db, String... pairs) {
    Map<String, String> env = new HashMap<>(Map.of("AUTH_JDBC_URL", db.url(), "AUTH_JDBC_USER", db.user(),
        "AUTH_JDBC_PASSWORD", db.password(), "AUTH_JDBC_POOL_SIZE", "2"));
    for (int i = 0; i < pairs.length; i += 2) {
      env.put(pairs[i], pairs[i + 1]);
    }
    return env;
  }

  private static JdbcAuthStore create(Map<String, String> env) {
    return (JdbcAuthStore) new JdbcStoreFactory().create(Environment.of(env)).orElseThrow();
  }

  @Test
  void withoutTheSettingTheStoreRunsOnItsOwnTables() {
    try (JdbcAuthStore store = create(env(TestDatabases.h2(), "AUTH_JDBC_CREATE_SCHEMA", "true"))) {
      assertEquals(JdbcSchema.NATIVE, store.schema());
    }
  }

  @Test
  void prismaRunsTheStoreOnThePrismaAdaptersTables() throws Exception {
    TestDatabases.Database db = TestDatabases.postgres();
    try (HikariDataSource tables = PrismaTables.create(db, "/prisma/postgresql.sql");
         JdbcAuthStore store = create(env(db, "AUTH_JDBC_SCHEMA", "Prisma"))) {
      store.createUser(new User("u1", "Ada", "ada@example.com", null, null));
      try (Connection c = tables.getConnection(); Statement s = c.createStatement();
           ResultSet row = s.executeQuery("SELECT \"email\" FROM \"User\" WHERE \"id\" = 'u1'")) {
        assertTrue(row.next());
        assertEquals("ada@example.com", row.getString(1));
      }
    }
  }

  @Test
  void anUnknownSchemaIsRefusedNamingTheSetting() {
    ConfigurationException e = assertThrows(ConfigurationException.class,
        () -> create(env(TestDatabases.h2(), "AUTH_JDBC_SCHEMA", "typeorm")));
    assertTrue(e.getMessage().contains("AUTH_JDBC_SCHEMA") && e.getMessage().contains("typeorm"), e.getMessage());
  }

  @Test
  void prismaDoesNotCreateThePrismaTablesItselfAndSaysSoWhenTheyAreMissing() {
    StoreException e = assertThrows(StoreException.class, () -> create(env(TestDatabases.postgres(),
        "AUTH_JDBC_SCHEMA", "prisma", "AUTH_JDBC_CREATE_SCHEMA", "true")));
    assertTrue(e.getMessage().contains("AUTH_JDBC_SCHEMA=prisma") && e.getMessage().contains("prisma migrate"),
        e.getMessage());
  }

  @Test
  void prismaOnH2IsRefusedNamingTheSetting() {
    ConfigurationException e = assertThrows(ConfigurationException.class,
        () -> create(env(TestDatabases.h2(), "AUTH_JDBC_SCHEMA", "prisma")));
    assertTrue(e.getMessage().contains("AUTH_JDBC_SCHEMA=prisma"), e.getMessage());
  }
}
