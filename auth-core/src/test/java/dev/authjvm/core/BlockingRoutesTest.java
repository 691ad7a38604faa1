package dev.authjvm.core;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authjvm.core.callback.AuthEvents;
import dev.authjvm.core.callback.Callbacks;
import dev.authjvm.core.config.SessionStrategy;
import dev.authjvm.core.observe.AuthObserver;
import dev.authjvm.core.store.AuthStore;
import dev.authjvm.core.store.InMemoryAuthStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;

/** What the core tells adapters about which answers may wait on a store, a provider or application code. */
class BlockingRoutesTest {
  final Auth auth = Auth.create(AuthFixtures.builder().build());

  @Test
  void theProviderListAndTheCsrfTokenNeverBlock() {
    assertFalse(auth.mayBlock("GET", "/api/auth/providers"));
    assertFalse(auth.mayBlock("GET", "/api/auth/csrf"));
    assertFalse(auth.mayBlock("HEAD", "/api/auth/csrf"));
  }

  @Test
  void aSessionReadWithoutAStoreAProviderToRefreshOrApplicationCodeNeverBlocks() {
    assertFalse(auth.mayBlock("GET", "/api/auth/session"));
  }

  @Test
  void aSessionReadMayBlockWhenItAsksAStoreThatMayBlock() {
    Auth jwtWithRecords = Auth.create(AuthFixtures.builder().store(networkStore()).sessionStrategy(SessionStrategy.JWT).build());
    Auth database = Auth.create(AuthFixtures.builder().store(networkStore()).sessionStrategy(SessionStrategy.DATABASE).credentialsDatabaseSessions(true).build());
    assertTrue(jwtWithRecords.mayBlock("GET", "/api/auth/session"));
    assertTrue(database.mayBlock("GET", "/api/auth/session"));
  }

  @Test
  void aSessionReadThatDoesNotAskTheStoreDoesNotBlockOnIt() {
    Auth untracked = Auth.create(AuthFixtures.builder().store(networkStore()).sessionStrategy(SessionStrategy.JWT)
        .sessionTracking(false).build());
    assertFalse(untracked.mayBlock("GET", "/api/auth/session"));
  }

  @Test
  void aSessionReadFromAStoreInMemoryNeverBlocks() {
    Auth jwtWithRecords = Auth.create(AuthFixtures.builder().store(new InMemoryAuthStore()).sessionStrategy(SessionStrategy.JWT).build());
    Auth database = Auth.create(AuthFixtures.builder().store(new InMemoryAuthStore()).sessionStrategy(SessionStrategy.DATABASE).credentialsDatabaseSessions(true).build());
    assertFalse(jwtWithRecords.mayBlock("GET", "/api/auth/session"));
    assertFalse(database.mayBlock("GET", "/api/auth/session"));
  }

  @Test
  void aSessionReadFromAStoreInMemoryThatIsObservedNeverBlocks() {
    Auth observed = Auth.create(AuthFixtures.builder().store(new InMemoryAuthStore()).sessionStrategy(SessionStrategy.JWT)
        .observer(new AuthObserver() {}).build());
    assertFalse(observed.mayBlock("GET", "/api/auth/session"));
  }

  @Test
  void aSessionReadMayBlockWhenItRunsTheApplicationsCallbacksOrEvents() {
    Auth withCallback = Auth.create(AuthFixtures.builder().callbacks(Callbacks.DEFAULTS.withJwt(p -> p.token())).build());
    Auth withEvents = Auth.create(AuthFixtures.builder().events(new AuthEvents() {}).build());
    assertTrue(withCallback.mayBlock("GET", "/api/auth/session"));
    assertTrue(withEvents.mayBlock("GET", "/api/auth/session"));
  }

  @Test
  void aSessionReadWithCallbacksAndEventsPromisedNotToBlockNeverBlocks() {
    Auth promised = Auth.create(AuthFixtures.builder().callbacks(Callbacks.DEFAULTS.withJwt(p -> p.token()))
        .events(new AuthEvents() {}).nonBlockingCallbacks(true).build());
    assertFalse(promised.mayBlock("GET", "/api/auth/session"));
  }

  @Test
  void thePromiseDoesNotCoverAStoreThatMayBlock() {
    Auth promised = Auth.create(AuthFixtures.builder().store(networkStore()).sessionStrategy(SessionStrategy.DATABASE).credentialsDatabaseSessions(true)
        .nonBlockingCallbacks(true).build());
    assertTrue(promised.mayBlock("GET", "/api/auth/session"));
  }

  @Test
  void aSessionReadMayBlockOnlyWhenItMayRefreshAnAccessToken() {
    Auth refreshing = Auth.create(AuthFixtures.builder().provider(new ScriptedFlowProvider("scripted", false)).refreshAccessTokens(true).build());
    Auth notRefreshing = Auth.create(AuthFixtures.builder().provider(new ScriptedFlowProvider("scripted", false)).build());
    assertTrue(refreshing.mayBlock("GET", "/api/auth/session"));
    assertFalse(notRefreshing.mayBlock("GET", "/api/auth/session"));
  }

  /** A store that says what a store on the network says: its calls may wait. */
  private static AuthStore networkStore() {
    InMemoryAuthStore memory = new InMemoryAuthStore();
    return (AuthStore) Proxy.newProxyInstance(AuthStore.class.getClassLoader(), InMemoryAuthStore.class.getInterfaces(),
        (proxy, method, args) -> {
          if (method.getName().equals("mayBlock")) {
            return true;
          }
          try {
            return method.invoke(memory, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  @Test
  void aSessionUpdateSignInAndSignOutMayBlock() {
    assertTrue(auth.mayBlock("POST", "/api/auth/session"));
    assertTrue(auth.mayBlock("POST", "/api/auth/callback/credentials"));
    assertTrue(auth.mayBlock("GET", "/api/auth/callback/github"));
    assertTrue(auth.mayBlock("POST", "/api/auth/signout"));
  }

  @Test
  void aPathOrMethodNoRouteAnswersDoesNotBlock() {
    assertFalse(auth.mayBlock("GET", "/api/auth/nothing-here"));
    assertFalse(auth.mayBlock("DELETE", "/api/auth/session"));
    assertFalse(auth.mayBlock("GET", "/elsewhere"));
  }
}
