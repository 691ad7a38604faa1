package dev.authjvm.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.authjvm.core.store.SessionRecord;
import dev.authjvm.core.store.StoredSession;
import dev.authjvm.testsupport.TestDatabases;
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
 * Sessions nobody reads again, links nobody clicks, records of sessions that ended and counters of closed
 * windows do not stay forever: the purge deletes what has expired, in bounded batches, in each dialect's SQL,
 * and leaves everything else.
 */
class ExpiredRowPurgeTest {
  static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

  static Stream<Arguments> databases() {
    return Stream.of(Arguments.of("H2", (Supplier<TestDatabases.Database>) TestDatabases::h2),
        Arguments.of("PostgreSQL", (Supplier<TestDatabases.Database>) TestDatabases::postgres),
        Arguments.of("MariaDB", (Supplier<TestDatabases.Database>) TestDatabases::mariadb));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void expiredSessionsAndTokensAreDeletedInBatchesAndLiveOnesStay(String name, Supplier<TestDatabases.Database> database) {
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

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void expiredSessionRecordsAndClosedCountersAreDeletedAndLiveOnesStay(String name,
                                                                      Supplier<TestDatabases.Database> database) {
    try (HikariDataSource pool = database.get().pool()) {
      JdbcAuthStore store = JdbcAuthStore.builder(pool).createSchema(true).purgeExpiredEvery(Duration.ZERO)
          .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
      JdbcAuthStore anHourAgo = JdbcAuthStore.builder(pool).purgeExpiredEvery(Duration.ZERO)
          .clock(Clock.fixed(NOW.minus(Duration.ofHours(1)), ZoneOffset.UTC)).build();
      String run = UUID.randomUUID().toString();
      store.saveSessionRecord(record(run + "-old", NOW.minusSeconds(1)));
      store.saveSessionRecord(record(run + "-live", NOW.plusSeconds(60)));
      anHourAgo.incrementCounter(run + "-closed", Duration.ofMinutes(1));
      store.incrementCounter(run + "-open", Duration.ofMinutes(1));

      assertEquals(2, store.purgeExpired());
      assertTrue(anHourAgo.findSessionRecord(run + "-old").isEmpty(), "the expired record's row is gone");
      assertTrue(store.findSessionRecord(run + "-live").isPresent());
      assertEquals(1, anHourAgo.incrementCounter(run + "-closed", Duration.ofMinutes(1)).value(),
          "the closed counter's row is gone");
      assertEquals(2, store.incrementCounter(run + "-open", Duration.ofMinutes(1)).value());
      store.close();
      anHourAgo.close();
    }
  }

  static SessionRecord record(String id, Instant expires) {
    return new SessionRecord(id, "user-" + id, NOW.minusSeconds(3600), NOW.minusSeconds(60), expires, null, null,
        true, null, null, null, null, null, null);
  }
}
