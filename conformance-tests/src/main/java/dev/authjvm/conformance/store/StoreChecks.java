package dev.authjvm.conformance.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authjvm.core.store.AuthStore;
import dev.authjvm.core.store.StoreException;
import dev.authjvm.core.store.StoredSession;
import dev.authjvm.core.user.Account;
import dev.authjvm.core.user.User;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Users, accounts and sessions of the store contract, and the store's lifecycle; the rest of the kit
 * is in {@link StoreConformanceKit}. The store is created once per class and never cleared: every
 * check works on fresh random ids, so the store may hold other data. Instants are compared to the
 * millisecond, the precision every store must keep.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class StoreChecks {
  StoreChecks() {}

  private AuthStore store;

  /** The store under test, connected and with its schema in place. */
  protected abstract AuthStore createStore();

  /** Releases what {@link #createStore()} opened; by default nothing. */
  protected void closeStore(AuthStore store) {}

  @BeforeAll
  final void openStore() {
    store = createStore();
  }

  @AfterAll
  final void releaseStore() {
    closeStore(store);
  }

  /** The store under test, for checks added by subclasses. */
  protected final AuthStore store() {
    return store;
  }

  static String randomId() {
    return UUID.randomUUID().toString();
  }

  static Instant inDays(int days) {
    return Instant.now().plus(Duration.ofDays(days)).truncatedTo(ChronoUnit.MILLIS);
  }

  User newUser() {
    String id = randomId();
    return store.createUser(new User(id, "Ada " + id.substring(0, 8), id + "@example.com",
        "https://img.example/" + id, inDays(-1)));
  }

  static Account oauthAccount(String userId, String provider) {
    return new Account(userId, "oidc", provider, randomId(), "access-" + randomId(), "bearer",
        "eyJ.id.token", "refresh-" + randomId(), "openid email", Instant.now().getEpochSecond() + 3600,
        "state-1");
  }

  @Nested
  @DisplayName("§8.4 users: createUser, getUser, getUserByEmail, updateUser, deleteUser")
  class Users {
    @Test
    void aCreatedUserIsReadBackWithEveryField() {
      User user = newUser();
      assertEquals(user, store.getUser(user.id()).orElseThrow());
    }

    @Test
    void anUnknownIdIsAnEmptyResult() {
      assertTrue(store.getUser(randomId()).isEmpty());
    }

    @Test
    void aUserIsFoundByEmail() {
      User user = newUser();
      assertEquals(user, store.getUserByEmail(user.email()).orElseThrow());
    }

    @Test
    void anUnknownEmailIsAnEmptyResult() {
      assertTrue(store.getUserByEmail(randomId() + "@example.com").isEmpty());
    }

    @Test
    void usersWithoutEmailOrOptionalFieldsCanBeCreated() {
      User first = store.createUser(new User(randomId(), null, null, null, null));
      User second = store.createUser(new User(randomId(), null, null, null, null));
      assertEquals(first, store.getUser(first.id()).orElseThrow());
      assertEquals(second, store.getUser(second.id()).orElseThrow());
    }

    @Test
    void aSecondUserWithTheSameEmailIsRefused() {
      User user = newUser();
      assertThrows(StoreException.class, () -> store.createUser(User.of(randomId(), "Other", user.email())));
    }

    @Test
    void anUpdateReplacesTheFieldsAndReturnsTheStoredUser() {
      User user = newUser();
      User changed = new User(user.id(), "Renamed", user.email(), null, inDays(0));
      assertEquals(changed, store.updateUser(changed));
      assertEquals(changed, store.getUser(user.id()).orElseThrow());
    }

    @Test
    void anUpdatedEmailIsFoundUnderTheNewAddressOnly() {
      User user = newUser();
      String newEmail = randomId() + "@example.org";
      store.updateUser(new User(user.id(), user.name(), newEmail, user.image(), user.emailVerified()));
      assertEquals(user.id(), store.getUserByEmail(newEmail).orElseThrow().id());
      assertTrue(store.getUserByEmail(user.email()).isEmpty());
    }

    @Test
    void deletingAUserRemovesItsAccountsAndSessions() {
      User user = newUser();
      Account account = oauthAccount(user.id(), "github");
      store.linkAccount(account);
      StoredSession session = store.createSession(new StoredSession(randomId(), user.id(), inDays(30)));

      store.deleteUser(user.id());

      assertTrue(store.getUser(user.id()).isEmpty());
      assertTrue(store.getUserByEmail(user.email()).isEmpty());
      assertTrue(store.getAccount("github", account.providerAccountId()).isEmpty());
      assertTrue(store.getUserByAccount("github", account.providerAccountId()).isEmpty());
      assertTrue(store.getSessionAndUser(session.sessionToken()).isEmpty());
    }

    @Test
    void deletingAnUnknownUserDoesNothing() {
      User bystander = newUser();
      Account account = oauthAccount(bystander.id(), "github");
      store.linkAccount(account);
      StoredSession session = store.createSession(new StoredSession(randomId(), bystander.id(), inDays(30)));

      store.deleteUser(randomId());

      assertEquals(bystander, store.getUser(bystander.id()).orElseThrow());
      assertEquals(account, store.getAccount("github", account.providerAccountId()).orElseThrow());
      assertEquals(session, store.getSessionAndUser(session.sessionToken()).orElseThrow().session());
    }
  }

  @Nested
  @DisplayName("§8.4 accounts: linkAccount, getAccount, getUserByAccount, unlinkAccount")
  class Accounts {
    @Test
    void aLinkedAccountLeadsToItsUser() {
      User user = newUser();
      Account account = oauthAccount(user.id(), "github");
      store.linkAccount(account);
      assertEquals(user, store.getUserByAccount("github", account.providerAccountId()).orElseThrow());
    }

    @Test
    void anAccountKeepsEveryTokenField() {
      User user = newUser();
      Account account = oauthAccount(user.id(), "google");
      store.linkAccount(account);
      Account read = store.getAccount("google", account.providerAccountId()).orElseThrow();
      assertEquals(account, read);
      assertEquals(account.accessToken(), read.accessToken());
      assertEquals(account.refreshToken(), read.refreshToken());
      assertEquals(account.expiresAt(), read.expiresAt());
    }

    @Test
    void anAccountWithoutTokensIsKept() {
      User user = newUser();
      Account account = Account.of(user.id(), "email", "email", user.email());
      store.linkAccount(account);
      assertEquals(account, store.getAccount("email", user.email()).orElseThrow());
    }

    @Test
    void anUnknownAccountIsAnEmptyResult() {
      assertTrue(store.getAccount("github", randomId()).isEmpty());
      assertTrue(store.getUserByAccount("github", randomId()).isEmpty());
    }

    @Test
    void theSameProviderAccountCannotBeLinkedTwice() {
      User first = newUser();
      User second = newUser();
      Account account = oauthAccount(first.id(), "github");
      store.linkAccount(account);
      assertThrows(StoreException.class, () -> store.linkAccount(account.withUserId(second.id())));
      assertEquals(first.id(), store.getUserByAccount("github", account.providerAccountId()).orElseThrow().id());
    }

    @Test
    void theSameAccountIdAtAnotherProviderIsADifferentAccount() {
      User first = newUser();
      User second = newUser();
      Account account = oauthAccount(first.id(), "github");
      store.linkAccount(account);
      store.linkAccount(new Account(second.id(), "oauth", "gitlab", account.providerAccountId(),
          null, null, null, null, null, null, null));
      assertEquals(second.id(), store.getUserByAccount("gitlab", account.providerAccountId()).orElseThrow().id());
    }

    @Test
    void anAccountOfAnUnknownUserIsRefused() {
      assertThrows(StoreException.class, () -> store.linkAccount(oauthAccount(randomId(), "github")));
    }

    @Test
    void unlinkingRemovesTheAccountAndKeepsTheUser() {
      User user = newUser();
      Account account = oauthAccount(user.id(), "github");
      store.linkAccount(account);
      store.unlinkAccount("github", account.providerAccountId());
      assertTrue(store.getAccount("github", account.providerAccountId()).isEmpty());
      assertEquals(user, store.getUser(user.id()).orElseThrow());
    }
  }

  @Nested
  @DisplayName("§8.4 sessions: createSession, getSessionAndUser, updateSession, deleteSession")
  class Sessions {
    @Test
    void aCreatedSessionIsReadBackWithItsUser() {
      User user = newUser();
      StoredSession session = new StoredSession(randomId(), user.id(), inDays(30));
      assertEquals(session, store.createSession(session));
      var found = store.getSessionAndUser(session.sessionToken()).orElseThrow();
      assertEquals(session, found.session());
      assertEquals(user, found.user());
    }

    @Test
    void anUnknownSessionTokenIsAnEmptyResult() {
      assertTrue(store.getSessionAndUser(randomId()).isEmpty());
    }

    @Test
    void anUpdateMovesTheExpiry() {
      User user = newUser();
      StoredSession session = store.createSession(new StoredSession(randomId(), user.id(), inDays(1)));
      Instant later = inDays(30);
      assertEquals(later, store.updateSession(session.sessionToken(), later).orElseThrow().expires());
      assertEquals(later, store.getSessionAndUser(session.sessionToken()).orElseThrow().session().expires());
    }

    @Test
    void updatingAnUnknownSessionIsAnEmptyResult() {
      assertTrue(store.updateSession(randomId(), inDays(1)).isEmpty());
    }

    @Test
    void deletingASessionReturnsItAndEndsIt() {
      User user = newUser();
      StoredSession session = store.createSession(new StoredSession(randomId(), user.id(), inDays(30)));
      assertEquals(session, store.deleteSession(session.sessionToken()).orElseThrow());
      assertTrue(store.getSessionAndUser(session.sessionToken()).isEmpty());
      assertTrue(store.deleteSession(session.sessionToken()).isEmpty());
    }

    @Test
    void aUserMayHoldSeveralSessions() {
      User user = newUser();
      StoredSession first = store.createSession(new StoredSession(randomId(), user.id(), inDays(30)));
      StoredSession second = store.createSession(new StoredSession(randomId(), user.id(), inDays(30)));
      store.deleteSession(first.sessionToken());
      assertEquals(second, store.getSessionAndUser(second.sessionToken()).orElseThrow().session());
    }

    @Test
    void aDuplicateSessionTokenIsRefused() {
      User user = newUser();
      StoredSession session = store.createSession(new StoredSession(randomId(), user.id(), inDays(30)));
      User other = newUser();
      assertThrows(StoreException.class,
          () -> store.createSession(new StoredSession(session.sessionToken(), other.id(), inDays(30))));
      assertEquals(user.id(), store.getSessionAndUser(session.sessionToken()).orElseThrow().user().id());
    }

    @Test
    void aSessionOfAnUnknownUserIsRefused() {
      assertThrows(StoreException.class,
          () -> store.createSession(new StoredSession(randomId(), randomId(), inDays(30))));
    }
  }
}
