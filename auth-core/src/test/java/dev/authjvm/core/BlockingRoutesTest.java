package dev.authjvm.core;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
  void sessionsSignInAndSignOutMayBlock() {
    assertTrue(auth.mayBlock("GET", "/api/auth/session"));
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
