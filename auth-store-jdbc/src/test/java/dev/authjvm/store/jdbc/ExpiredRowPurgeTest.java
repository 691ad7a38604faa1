package dev.authjvm.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.authjvm.core.store.StoredSession;
import dev.authjvm.core.store.VerificationToken;
import dev.authjvm.core.user.User;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Sessions nobody reads again and links nobody clicks do not stay forever: the purge deletes what has
 * expired, in bounded batches, in each dialect's SQL, and leaves everything else.
 */
class ExpiredRowPurgeTest {
  static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

  static Stream<Arguments> databases() {
    return Stream.of(Arguments.of("H2", (Supplier<TestDatabases.Server>) TestDatabases::h2),
        Arguments.of("PostgreSQL", (Supplier<TestDatabases.Server>) TestDatabases::postgres),
        Arguments.of("MariaDB", (Supplier<TestDatabases.Server>) TestDatabases::mariadb));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void expiredSessionsAndTokensAreDeletedInBatchesAndLiveOnesStay(String name, Supplier<TestDatabases.Server> database) {
    try (HikariDataSource pool = database.get().pool()) {
      JdbcAuthStore store = JdbcAuthStore.builder(pool).createSchema(true).purgeExpiredEvery(Duration.ZERO)
          .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
      String run = UUID.randomUUID().toString();
      User user = store.createUser(new User("purge-" + run, null, null, null, null));
      int expired = ExpiredRowPurge.BATCH + 500;
      for (int i = 0; i < expired; i++) {
        store.createSession(new StoredSession(run + "-old-" + i, user.id(), NOW.minusSeconds(1 + i)));
      }
      store.createSession(new StoredSession(run + "-live", user.id(), NOW.plus(Duration.ofDays(1))));
      store.createVerificationToken(new VerificationToken(run + "@example.com", "old", NOW.minusSeconds(60)));
      store.createVerificationToken(new VerificationToken(run + "@example.com", "live", NOW.plusSeconds(60)));

      assertTrue(store.purgeExpired() >= expired + 1);
      assertTrue(store.getSessionAndUser(run + "-old-0").isEmpty());
      assertTrue(store.getSessionAndUser(run + "-old-" + (expired - 1)).isEmpty());
      assertTrue(store.getSessionAndUser(run + "-live").isPresent());
      assertTrue(store.useVerificationToken(run + "@example.com", "old").isEmpty());
      assertEquals("live", store.useVerificationToken(run + "@example.com", "live").orElseThrow().tokenHash());
      store.deleteUser(user.id());
      store.close();
    }
  }
}
