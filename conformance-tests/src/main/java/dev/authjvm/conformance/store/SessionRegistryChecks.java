package dev.authjvm.conformance.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authjvm.core.store.SessionRecord;
import dev.authjvm.core.store.SessionRegistry;
import dev.authjvm.core.user.User;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The session records of {@link SessionRegistry}: what listing and revoking sessions, JWT sessions included,
 * and back-channel logout rest on. A store that keeps no records skips these checks by design.
 */
public abstract class SessionRegistryChecks extends StoreChecks {
  SessionRegistryChecks() {}

  /** A record with every field set; its user need not be stored (a JWT session's user often is not). */
  static SessionRecord sessionRecord(String userId, Instant expires) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    return new SessionRecord(randomId(), userId, now.minusSeconds(60), now, expires,
        "Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0", Duration.ofDays(7), false, "oidc", "subject-" + randomId(),
        "sid-" + randomId(), "token-" + randomId(),
        Map.of("name", "Ada", "prefs", Map.of("theme", "dark"), "tags", List.of("a", "b"), "visits", 3, "ok", true),
        now);
  }

  static Set<String> ids(List<SessionRecord> records) {
    return records.stream().map(SessionRecord::id).collect(Collectors.toSet());
  }

  /** Sleeps until {@code instant} has passed by a little. */
  static void waitUntilPast(Instant instant) throws InterruptedException {
    long millis = Duration.between(Instant.now(), instant).toMillis() + 50;
    if (millis > 0) {
      Thread.sleep(millis);
    }
  }

  @Nested
  @DisplayName("session records: saveSessionRecord, replaceSessionRecord, findSessionRecord, listSessionRecords, findSessionRecordsByProvider, deleteSessionRecord")
  class SessionRecords {
    private SessionRegistry registry;

    @BeforeEach
    void requireRegistry() {
      Assumptions.assumeTrue(store() instanceof SessionRegistry,
          "by design: " + store().getClass().getSimpleName() + " keeps no session records (it does not implement SessionRegistry)");
      registry = (SessionRegistry) store();
    }

    @Test
    void aSavedRecordIsReadBackWithEveryField() {
      SessionRecord saved = sessionRecord(randomId(), inDays(30));
      registry.saveSessionRecord(saved);
      assertEquals(saved, registry.findSessionRecord(saved.id()).orElseThrow());
    }

    @Test
    void aRecordWithoutOptionalFieldsIsReadBack() {
      Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
      SessionRecord bare = new SessionRecord(randomId(), randomId(), now, now, inDays(1), null, null, true, null,
          null, null, null, null, null);
      registry.saveSessionRecord(bare);
      assertEquals(bare, registry.findSessionRecord(bare.id()).orElseThrow());
    }

    @Test
    void savingARecordAgainReplacesIt() {
      SessionRecord first = sessionRecord(randomId(), inDays(1));
      registry.saveSessionRecord(first);
      SessionRecord updated = first.seen(Instant.now().truncatedTo(ChronoUnit.MILLIS), inDays(30))
          .withUpdate(Map.of("name", "Renamed"), Instant.now().truncatedTo(ChronoUnit.MILLIS));
      registry.saveSessionRecord(updated);
      assertEquals(updated, registry.findSessionRecord(first.id()).orElseThrow());
      assertEquals(List.of(updated), registry.listSessionRecords(first.userId()));
    }

    @Test
    void replacingAnExistingRecordWritesItAndSaysSo() {
      SessionRecord first = sessionRecord(randomId(), inDays(1));
      registry.saveSessionRecord(first);
      SessionRecord seen = first.seen(Instant.now().truncatedTo(ChronoUnit.MILLIS), inDays(30));
      assertTrue(registry.replaceSessionRecord(seen));
      assertEquals(seen, registry.findSessionRecord(first.id()).orElseThrow());
      assertEquals(List.of(seen), registry.listSessionRecords(first.userId()));
    }

    @Test
    void replacingARevokedRecordDoesNotBringItBack() {
      SessionRecord record = sessionRecord(randomId(), inDays(30));
      registry.saveSessionRecord(record);
      registry.deleteSessionRecord(record.id());
      assertFalse(registry.replaceSessionRecord(record.seen(Instant.now().truncatedTo(ChronoUnit.MILLIS), inDays(30))));
      assertTrue(registry.findSessionRecord(record.id()).isEmpty());
      assertEquals(List.of(), registry.listSessionRecords(record.userId()));
    }

    @Test
    void replacingAnUnknownRecordStoresNothing() {
      SessionRecord never = sessionRecord(randomId(), inDays(30));
      assertFalse(registry.replaceSessionRecord(never));
      assertTrue(registry.findSessionRecord(never.id()).isEmpty());
    }

    @Test
    void anUnknownIdIsEmptyNotAnError() {
      assertTrue(registry.findSessionRecord(randomId()).isEmpty());
      assertTrue(registry.deleteSessionRecord(randomId()).isEmpty());
      assertEquals(List.of(), registry.listSessionRecords(randomId()));
      assertEquals(List.of(), registry.findSessionRecordsByProvider("oidc", randomId(), randomId()));
      assertEquals(List.of(), registry.findSessionRecordsByProvider("oidc", randomId(), null));
    }

    @Test
    void aUsersRecordsAreListedAndNoOthers() {
      String userId = randomId();
      SessionRecord laptop = sessionRecord(userId, inDays(30));
      SessionRecord phone = sessionRecord(userId, inDays(30));
      registry.saveSessionRecord(laptop);
      registry.saveSessionRecord(phone);
      registry.saveSessionRecord(sessionRecord(randomId(), inDays(30)));
      assertEquals(Set.of(laptop.id(), phone.id()), ids(registry.listSessionRecords(userId)));
    }

    @Test
    void recordsAreFoundByTheProviderSessionIdWhenGivenElseByTheSubject() {
      SessionRecord record = sessionRecord(randomId(), inDays(30));
      SessionRecord sameSubject = new SessionRecord(randomId(), record.userId(), record.createdAt(),
          record.lastSeenAt(), record.expires(), null, null, true, "oidc", record.providerSubject(), "sid-" + randomId(),
          null, null, null);
      registry.saveSessionRecord(record);
      registry.saveSessionRecord(sameSubject);

      assertEquals(List.of(record),
          registry.findSessionRecordsByProvider("oidc", record.providerSubject(), record.providerSessionId()));
      assertEquals(Set.of(record.id(), sameSubject.id()),
          ids(registry.findSessionRecordsByProvider("oidc", record.providerSubject(), null)));
      assertEquals(List.of(), registry.findSessionRecordsByProvider("github", record.providerSubject(), null));
      assertEquals(List.of(), registry.findSessionRecordsByProvider("github", null, record.providerSessionId()));
    }

    @Test
    void aRecordSavedUnderOtherProviderValuesIsFoundUnderTheNewOnesOnly() {
      SessionRecord first = sessionRecord(randomId(), inDays(30));
      registry.saveSessionRecord(first);
      SessionRecord moved = new SessionRecord(first.id(), first.userId(), first.createdAt(), first.lastSeenAt(),
          first.expires(), null, null, true, "oidc", "subject-" + randomId(), "sid-" + randomId(), null, null, null);
      registry.saveSessionRecord(moved);

      assertEquals(List.of(), registry.findSessionRecordsByProvider("oidc", null, first.providerSessionId()));
      assertEquals(List.of(), registry.findSessionRecordsByProvider("oidc", first.providerSubject(), null));
      assertEquals(List.of(moved), registry.findSessionRecordsByProvider("oidc", null, moved.providerSessionId()));
    }

    @Test
    void deletingARecordReturnsItOnceAndEndsIt() {
      SessionRecord record = sessionRecord(randomId(), inDays(30));
      registry.saveSessionRecord(record);
      assertEquals(record, registry.deleteSessionRecord(record.id()).orElseThrow());
      assertTrue(registry.deleteSessionRecord(record.id()).isEmpty());
      assertTrue(registry.findSessionRecord(record.id()).isEmpty());
      assertEquals(List.of(), registry.listSessionRecords(record.userId()));
      assertEquals(List.of(), registry.findSessionRecordsByProvider("oidc", null, record.providerSessionId()));
    }

    @Test
    void aRecordIsGoneOnceItsExpiryHasPassed() throws Exception {
      SessionRecord record = sessionRecord(randomId(), Instant.now().plusMillis(400).truncatedTo(ChronoUnit.MILLIS));
      registry.saveSessionRecord(record);
      assertTrue(registry.findSessionRecord(record.id()).isPresent(), "found before its expiry");

      waitUntilPast(record.expires());

      assertTrue(registry.findSessionRecord(record.id()).isEmpty());
      assertEquals(List.of(), registry.listSessionRecords(record.userId()));
      assertEquals(List.of(), registry.findSessionRecordsByProvider("oidc", record.providerSubject(), null));
    }

    @Test
    void aRecordSeenAgainLivesUntilItsNewExpiry() throws Exception {
      SessionRecord record = sessionRecord(randomId(), Instant.now().plusMillis(400).truncatedTo(ChronoUnit.MILLIS));
      registry.saveSessionRecord(record);
      Instant firstExpiry = record.expires();
      SessionRecord seen = record.seen(Instant.now().truncatedTo(ChronoUnit.MILLIS), inDays(1));
      registry.saveSessionRecord(seen);

      waitUntilPast(firstExpiry);

      assertEquals(seen, registry.findSessionRecord(record.id()).orElseThrow());
      assertEquals(List.of(seen), registry.listSessionRecords(record.userId()));
      assertEquals(List.of(seen), registry.findSessionRecordsByProvider("oidc", null, record.providerSessionId()));
    }

    @Test
    void deletingTheUserDeletesItsRecords() {
      User user = newUser();
      SessionRecord record = sessionRecord(user.id(), inDays(30));
      registry.saveSessionRecord(record);
      store().deleteUser(user.id());
      assertTrue(registry.findSessionRecord(record.id()).isEmpty());
      assertEquals(List.of(), registry.listSessionRecords(user.id()));
    }
  }
}
