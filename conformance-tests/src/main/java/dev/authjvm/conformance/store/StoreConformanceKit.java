package dev.authjvm.conformance.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authjvm.core.store.StoreException;
import dev.authjvm.core.store.VerificationToken;
import dev.authjvm.core.user.Account;
import dev.authjvm.core.user.User;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The store conformance kit: the whole {@link dev.authjvm.core.store.AuthStore} contract (spec §8.4)
 * checked against a real store, including what must hold when requests race. Extend it and return
 * your store:
 * <pre>{@code
 * class MyStoreConformanceTest extends StoreConformanceKit {
 *   @Override protected AuthStore createStore() { return new MyStore(dataSource); }
 * }
 * }</pre>
 */
public abstract class StoreConformanceKit extends StoreChecks {
  private static final int RACERS = 8;

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
      for (int round = 0; round < 10; round++) {
        VerificationToken token = new VerificationToken(randomId() + "@example.com", randomId(), inDays(1));
        store().createVerificationToken(token);
        List<Optional<VerificationToken>> results =
            race(() -> store().useVerificationToken(token.identifier(), token.tokenHash()));
        assertEquals(1, results.stream().filter(Optional::isPresent).count(), "winners in round " + round);
      }
    }
  }

  @Nested
  @DisplayName("§8.4 uniqueness under concurrent requests")
  class Races {
    @Test
    void whenTwoSignInsCreateTheSameEmailAtOnceOneUserExists() throws Exception {
      String email = randomId() + "@example.com";
      List<Boolean> created = race(() -> succeeds(() -> store().createUser(User.of(randomId(), "Racer", email))));
      assertEquals(1, created.stream().filter(b -> b).count());
      assertTrue(store().getUserByEmail(email).isPresent());
    }

    @Test
    void whenTwoCallbacksLinkTheSameAccountAtOnceOneLinkExists() throws Exception {
      User user = newUser();
      Account account = oauthAccount(user.id(), "github");
      List<Boolean> linked = race(() -> succeeds(() -> store().linkAccount(account)));
      assertEquals(1, linked.stream().filter(b -> b).count());
      assertEquals(user.id(), store().getUserByAccount("github", account.providerAccountId()).orElseThrow().id());
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

  /** Runs the same call on several threads released at the same instant. */
  private static <T> List<T> race(Callable<T> call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(RACERS);
    try {
      CountDownLatch ready = new CountDownLatch(RACERS);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < RACERS; i++) {
        futures.add(pool.submit(() -> {
          ready.countDown();
          go.await();
          return call.call();
        }));
      }
      ready.await();
      go.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> f : futures) {
        results.add(f.get(30, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }
}
