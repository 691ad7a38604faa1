package dev.authjvm.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.authjvm.core.store.SessionAndUser;
import dev.authjvm.core.store.StoreException;
import dev.authjvm.core.store.StoredSession;
import dev.authjvm.core.user.Account;
import dev.authjvm.core.user.User;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** A PostgreSQL database shared with Auth.js's Prisma adapter, on its documented PostgreSQL models. */
class PrismaPostgresRowsTest extends PrismaRowsChecks {
  @Override
  HikariDataSource tables() {
    return PrismaTables.postgres();
  }

  @Override
  boolean idColumns() {
    return false;
  }

  @Override
  String quoted(String sql) {
    return sql;
  }

  /**
   * The model the adapter's own tests use (next-auth packages/adapter-prisma/prisma/schema.prisma) has no
   * {@code createdAt} and {@code updatedAt}, and a unique {@code VerificationToken.token}.
   */
  @Test
  void onTheAdaptersTestModelWithoutTimestampsTheStoreWritesOnlyTheFields() throws Exception {
    try (HikariDataSource bare = PrismaTables.postgres();
         Connection c = bare.getConnection(); Statement s = c.createStatement()) {
      for (String table : new String[] {"User", "Account", "Session"}) {
        s.execute("ALTER TABLE \"" + table + "\" DROP COLUMN \"createdAt\", DROP COLUMN \"updatedAt\"");
      }
      s.execute("CREATE UNIQUE INDEX \"VerificationToken_token_key\" ON \"VerificationToken\"(\"token\")");
      try (JdbcAuthStore onBare = PrismaTables.store(bare)) {
        onBare.createUser(new User("u-bare", "Hal", "hal@example.com", null, VERIFIED));
        onBare.linkAccount(Account.of("u-bare", "oauth", "github", "44"));
        onBare.createSession(new StoredSession("session-token-hal", "u-bare", EXPIRES));
        onBare.updateUser(new User("u-bare", "Hal 9000", "hal@example.com", null, VERIFIED));
        onBare.updateSession("session-token-hal", EXPIRES.plusSeconds(1));

        assertEquals(new SessionAndUser(new StoredSession("session-token-hal", "u-bare", EXPIRES.plusSeconds(1)),
            new User("u-bare", "Hal 9000", "hal@example.com", null, VERIFIED)),
            onBare.getSessionAndUser("session-token-hal").orElseThrow());
        assertEquals("u-bare", onBare.getUserByAccount("github", "44").orElseThrow().id());
      }
    }
  }

  @Test
  void aUserWithoutEmailIsRefusedCleanlyAsTheModelRequiresOne() {
    StoreException e = assertThrows(StoreException.class, () -> store.createUser(new User("u", "No Mail", null, null, null)));
    assertTrue(e.getMessage().startsWith("createUser failed"), e.getMessage());
  }
}
