package dev.authjvm.conformance.store;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** Races for the store kit: the same call on several threads at once, repeated until the calls overlapped. */
final class RaceRunner {
  /** How many threads race. */
  static final int RACERS = 8;
  /** How many rounds a race may take per overlapping round it needs before the kit gives up. */
  private static final int MAX_ROUNDS_PER_OVERLAP = 50;

  private RaceRunner() {}

  /** One round of a race: asserts what must hold, and says whether the racers' calls overlapped. */
  @FunctionalInterface
  interface Round {
    boolean run(int round) throws Exception;
  }

  /**
   * Runs rounds until {@code wanted} of them had calls in flight at the same time. A round whose calls
   * happened to run one after another (a busy machine, a very fast store) still has its assertions
   * checked but proves nothing about races, so it does not count; a race that never overlaps fails.
   */
  static void raceRounds(int wanted, Round round) throws Exception {
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
  record Race<T>(List<T> results, boolean overlapped) {}

  /** What one racer saw: its result, and when its call started and returned. */
  private record Lap<T>(T result, long started, long finished) {}

  /**
   * Runs the same call on several threads at once: they wait until all are ready, then spin on one
   * flag, so the threads that are running when it flips start their calls together.
   */
  static <T> Race<T> race(Callable<T> call) throws Exception {
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
