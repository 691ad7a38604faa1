package dev.authjvm.conformance.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authjvm.core.store.StoreException;
import dev.authjvm.core.store.VerificationToken;
import dev.authjvm.core.user.Account;
import dev.authjvm.core.user.User;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The store conformance kit: the whole {@link dev.authjvm.core.store.AuthStore} contract
 * checked against a real store, including what must hold when requests race. Extend it and return
 * your store:
 * <pre>{@code
 * class MyStoreConformanceTest extends StoreConformanceKit {
 *   @Override protected AuthStore createStore() { return new MyStore(dataSource); }
 * }
 * }</pre>
 */
public abstract class StoreConformanceKit extends AuthenticatorChecks {
  private static final int RACERS = 8;
  /** How many rounds a race may take per overlapping round it needs before the kit gives up. */
  private static final int MAX_ROUNDS_PER_OVERLAP = 50;

  @Nested
  @DisplayName("§7.2/§8.4 verification tokens: createVerificationToken, useVerificationToken")
  class VerificationTokens {
    @Test
    void aTokenIsReturnedOnceWithItsExpiry() {
      VerificationToken token = new VerificationToken(randomId() + "@example.com", randomId(), inDays(1));
      store().createVerificationToken(token);
      assertEquals(token, store().useVerificationToken(token.identifier(), token.tokenHash()).orElseThrow());
      assertTrue(store().useVerificationToken(token.identifier(), token.tokenHash()).isEmpty());
    }

    @Test
    void aTokenForAnotherIdentifierIsAnEmptyResult() {
      VerificationToken token = new VerificationToken(randomId() + "@example.com", randomId(), inDays(1));
      store().createVerificationToken(token);
      assertTrue(store().useVerificationToken(randomId() + "@example.com", token.tokenHash()).isEmpty());
      assertTrue(store().useVerificationToken(token.identifier(), randomId()).isEmpty());
      assertEquals(token, store().useVerificationToken(token.identifier(), token.tokenHash()).orElseThrow());
    }

    @Test
    void severalTokensForOneAddressAreIndependent() {
      String email = randomId() + "@example.com";
      VerificationToken first = new VerificationToken(email, randomId(), inDays(1));
      VerificationToken second = new VerificationToken(email, randomId(), inDays(1));
      store().createVerificationToken(first);
      store().createVerificationToken(second);
      assertEquals(first, store().useVerificationToken(email, first.tokenHash()).orElseThrow());
      assertEquals(second, store().useVerificationToken(email, second.tokenHash()).orElseThrow());
    }

    @Test
    void whenRequestsRaceForOneTokenExactlyOneGetsIt() throws Exception {
      raceRounds(10, round -> {
        VerificationToken token = new VerificationToken(randomId() + "@example.com", randomId(), inDays(1));
        store().createVerificationToken(token);
        Race<Optional<VerificationToken>> race = race(() -> store().useVerificationToken(token.identifier(), token.tokenHash()));
        assertEquals(1, race.results().stream().filter(Optional::isPresent).count(), "winners in round " + round);
        return race.overlapped();
      });
    }
  }

  @Nested
  @DisplayName("§8.4 uniqueness under concurrent requests")
  class Races {
    @Test
    void whenTwoSignInsCreateTheSameEmailAtOnceOneUserExists() throws Exception {
      raceRounds(3, round -> {
        String email = randomId() + "@example.com";
        Race<Boolean> race = race(() -> succeeds(() -> store().createUser(User.of(randomId(), "Racer", email))));
        assertEquals(1, race.results().stream().filter(b -> b).count(), "users created in round " + round);
        assertTrue(store().getUserByEmail(email).isPresent());
        return race.overlapped();
      });
    }

    @Test
    void whenTwoCallbacksLinkTheSameAccountAtOnceOneLinkExists() throws Exception {
      raceRounds(3, round -> {
        User user = newUser();
        Account account = oauthAccount(user.id(), "github");
        Race<Boolean> race = race(() -> succeeds(() -> store().linkAccount(account)));
        assertEquals(1, race.results().stream().filter(b -> b).count(), "links made in round " + round);
        assertEquals(user.id(), store().getUserByAccount("github", account.providerAccountId()).orElseThrow().id());
        return race.overlapped();
      });
    }
  }

  private static boolean succeeds(Runnable write) {
    try {
      write.run();
      return true;
    } catch (StoreException refused) {
      return false;
    }
  }

  /** One round of a race: asserts what must hold, and says whether the racers' calls overlapped. */
  @FunctionalInterface
  private interface Round {
    boolean run(int round) throws Exception;
  }

  /**
   * Runs rounds until {@code wanted} of them had calls in flight at the same time. A round whose calls
   * happened to run one after another (a busy machine, a very fast store) still has its assertions
   * checked but proves nothing about races, so it does not count; a race that never overlaps fails.
   */
  private static void raceRounds(int wanted, Round round) throws Exception {
    int overlapped = 0;
    int rounds = 0;
    while (overlapped < wanted && rounds < wanted * MAX_ROUNDS_PER_OVERLAP) {
      if (round.run(rounds++)) {
        overlapped++;
      }
    }
    assertTrue(overlapped >= wanted, "the racers' calls overlapped in only " + overlapped + " of " + rounds
        + " rounds: the race was not tested");
  }

  /** The results of one race, and whether at least two of its calls were in flight at the same time. */
  private record Race<T>(List<T> results, boolean overlapped) {}

  /** What one racer saw: its result, and when its call started and returned. */
  private record Lap<T>(T result, long started, long finished) {}

  /**
   * Runs the same call on several threads at once: they wait until all are ready, then spin on one
   * flag, so the threads that are running when it flips start their calls together.
   */
  private static <T> Race<T> race(Callable<T> call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(RACERS);
    try {
      CountDownLatch ready = new CountDownLatch(RACERS);
      AtomicBoolean go = new AtomicBoolean();
      List<Future<Lap<T>>> futures = new ArrayList<>();
      for (int i = 0; i < RACERS; i++) {
        futures.add(pool.submit(() -> {
          ready.countDown();
          while (!go.get()) {
            Thread.onSpinWait();
          }
          long started = System.nanoTime();
          T result = call.call();
          return new Lap<>(result, started, System.nanoTime());
        }));
      }
      ready.await();
      go.set(true);
      List<Lap<T>> laps = new ArrayList<>();
      for (Future<Lap<T>> f : futures) {
        laps.add(f.get(30, TimeUnit.SECONDS));
      }
      return new Race<>(laps.stream().map(Lap::result).toList(), overlapped(laps));
    } finally {
      pool.shutdownNow();
    }
  }

  /** True when some call started before another one had returned. */
  private static boolean overlapped(List<? extends Lap<?>> laps) {
    List<? extends Lap<?>> byStart = laps.stream().sorted(Comparator.comparingLong(Lap::started)).toList();
    long latestFinish = byStart.get(0).finished();
    for (Lap<?> lap : byStart.subList(1, byStart.size())) {
      if (lap.started() < latestFinish) {
        return true;
      }
      latestFinish = Math.max(latestFinish, lap.finished());
    }
    return false;
  }
}
