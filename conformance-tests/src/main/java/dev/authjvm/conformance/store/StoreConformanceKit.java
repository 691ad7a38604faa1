package dev.authjvm.conformance.store;

import static dev.authjvm.conformance.store.RaceRunner.race;
import static dev.authjvm.conformance.store.RaceRunner.raceRounds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authjvm.conformance.store.RaceRunner.Race;
import dev.authjvm.core.store.StoreException;
import dev.authjvm.core.store.VerificationToken;
import dev.authjvm.core.user.Account;
import dev.authjvm.core.user.User;
import java.util.Optional;
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
public abstract class StoreConformanceKit extends CounterChecks {
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
}
