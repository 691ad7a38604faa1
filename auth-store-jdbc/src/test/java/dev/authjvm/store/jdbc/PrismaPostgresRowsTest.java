package dev.authjvm.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.authjvm.core.store.StoreException;
import dev.authjvm.core.user.User;
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

  @Test
  void aUserWithoutEmailIsRefusedCleanlyAsTheModelRequiresOne() {
    StoreException e = assertThrows(StoreException.class, () -> store.createUser(new User("u", "No Mail", null, null, null)));
    assertTrue(e.getMessage().startsWith("createUser failed"), e.getMessage());
  }
}
