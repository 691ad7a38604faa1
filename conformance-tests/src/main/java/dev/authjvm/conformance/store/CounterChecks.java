package dev.authjvm.conformance.store;

import static dev.authjvm.conformance.store.RaceRunner.RACERS;
import static dev.authjvm.conformance.store.RaceRunner.race;
import static dev.authjvm.conformance.store.RaceRunner.raceRounds;
import static dev.authjvm.conformance.store.SessionRegistryChecks.waitUntilPast;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authjvm.conformance.store.RaceRunner.Race;
import dev.authjvm.core.store.CounterStore;
import dev.authjvm.core.store.CounterStore.Count;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The expiring counters of {@link CounterStore}: sign-in limits shared by every instance and one-time values
 * rest on them, so increments from racing instances must count exactly. A store that keeps no counters skips
 * these checks by design.
 */
public abstract class CounterChecks extends AuthenticatorChecks {
  CounterChecks() {}

  private static final Duration MINUTE = Duration.ofMinutes(1);
  /** Increments per racer in the race: enough that the racers' calls interleave many times. */
  private static final int INCREMENTS_PER_RACER = 10;

  @Nested
  @DisplayName("expiring counters: incrementCounter, decrementCounter")
  class Counters {
    private CounterStore counters;

    @BeforeEach
    void requireCounters() {
      Assumptions.assumeTrue(store() instanceof CounterStore,
          "by design: " + store().getClass().getSimpleName() + " keeps no counters (it does not implement CounterStore)");
      counters = (CounterStore) store();
    }

    private String key() {
      return "kit:" + randomId();
    }

    @Test
    void aNewCounterIsOneAndEachIncrementAddsOneInTheSameWindow() {
      String key = key();
      Instant before = Instant.now();
      Count first = counters.incrementCounter(key, MINUTE);
      Count second = counters.incrementCounter(key, MINUTE);
      Count third = counters.incrementCounter(key, MINUTE);
      assertEquals(List.of(1L, 2L, 3L), List.of(first.value(), second.value(), third.value()));
      assertTrue(!first.resetsAt().isBefore(before.plus(MINUTE).minusMillis(5))
          && first.resetsAt().isBefore(Instant.now().plus(MINUTE).plusSeconds(1)), "window ends a minute from now: " + first);
      assertTrue(Duration.between(first.resetsAt(), third.resetsAt()).abs().toMillis() < 1000,
          "the window does not move: " + first + " then " + third);
    }

    @Test
    void countersWithDifferentKeysAreIndependent() {
      String key = key();
      counters.incrementCounter(key, MINUTE);
      counters.incrementCounter(key, MINUTE);
      assertEquals(1, counters.incrementCounter(key(), MINUTE).value());
    }

    @Test
    void aCounterStartsAgainAtOneOnceItsWindowHasClosed() throws Exception {
      String key = key();
      counters.incrementCounter(key, Duration.ofMillis(300));
      Count second = counters.incrementCounter(key, Duration.ofMillis(300));
      assertEquals(2, second.value());

      waitUntilPast(second.resetsAt());

      Count restarted = counters.incrementCounter(key, MINUTE);
      assertEquals(1, restarted.value());
      assertTrue(restarted.resetsAt().isAfter(Instant.now().plusSeconds(30)), "a new window: " + restarted);
    }

    @Test
    void aDecrementTakesOneBack() {
      String key = key();
      counters.incrementCounter(key, MINUTE);
      counters.incrementCounter(key, MINUTE);
      counters.decrementCounter(key);
      assertEquals(2, counters.incrementCounter(key, MINUTE).value());
    }

    @Test
    void aCounterTakenBackToNothingStartsAgainAtOne() {
      String key = key();
      counters.incrementCounter(key, MINUTE);
      counters.decrementCounter(key);
      counters.decrementCounter(key);
      assertEquals(1, counters.incrementCounter(key, MINUTE).value());
    }

    @Test
    void decrementingAnUnknownCounterDoesNothing() {
      String key = key();
      counters.decrementCounter(key);
      assertEquals(1, counters.incrementCounter(key, MINUTE).value());
    }

    @Test
    void veryLongKeysThatDifferOnlyAtTheEndAreDifferentCounters() {
      String stem = "kit:" + randomId() + ":" + "x".repeat(2000);
      counters.incrementCounter(stem + "a", MINUTE);
      assertEquals(2, counters.incrementCounter(stem + "a", MINUTE).value());
      assertEquals(1, counters.incrementCounter(stem + "b", MINUTE).value());
    }

    @Test
    void incrementsRacingFromManyThreadsCountExactly() throws Exception {
      raceRounds(3, round -> {
        String key = key();
        Race<List<Long>> race = race(() -> {
          List<Long> seen = new ArrayList<>();
          for (int i = 0; i < INCREMENTS_PER_RACER; i++) {
            seen.add(counters.incrementCounter(key, MINUTE).value());
          }
          return seen;
        });
        List<Long> values = race.results().stream().flatMap(List::stream).sorted().toList();
        assertEquals(LongStream.rangeClosed(1, RACERS * INCREMENTS_PER_RACER).boxed().toList(), values,
            "every increment got its own value in round " + round);
        return race.overlapped();
      });
    }
  }
}
