package dev.authjvm.core;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authjvm.core.callback.AuthEvents;
import dev.authjvm.core.callback.Callbacks;
import dev.authjvm.core.config.SessionStrategy;
import dev.authjvm.core.store.InMemoryAuthStore;
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
  void aSessionReadMayBlockWhenItAsksAStore() {
    Auth withStore = Auth.create(AuthFixtures.builder().store(new InMemoryAuthStore()).sessionStrategy(SessionStrategy.JWT).build());
    assertTrue(withStore.mayBlock("GET", "/api/auth/session"));
  }

  @Test
  void aSessionReadMayBlockWhenItRunsTheApplicationsCallbacksOrEvents() {
    Auth withCallback = Auth.create(AuthFixtures.builder().callbacks(Callbacks.DEFAULTS.withJwt(p -> p.token())).build());
    Auth withEvents = Auth.create(AuthFixtures.builder().events(new AuthEvents() {}).build());
    assertTrue(withCallback.mayBlock("GET", "/api/auth/session"));
    assertTrue(withEvents.mayBlock("GET", "/api/auth/session"));
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
