package dev.authjvm.core.internal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CsrfTokenTest {
  static final String TOKEN = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

  @Test
  void hashMatchesTheSpecVector() {
    assertEquals("7fcbeadc77fd23fa7016d2289c9db9056d4d1b4bc2e7ce4ae97fe0f789203fc2", CsrfToken.hash(TOKEN, "test-secret"));
  }

  @Test
  void cookieOfThisSecretIsTrusted() {
    String cookie = TOKEN + "|7fcbeadc77fd23fa7016d2289c9db9056d4d1b4bc2e7ce4ae97fe0f789203fc2";
    assertEquals(TOKEN, CsrfToken.fromCookie(cookie, "test-secret").orElseThrow().token());
  }

  @Test
  void cookieWithAForgedHashIsRefused() {
    assertTrue(CsrfToken.fromCookie(TOKEN + "|" + "0".repeat(64), "test-secret").isEmpty());
    assertTrue(CsrfToken.fromCookie(TOKEN, "test-secret").isEmpty());
    assertTrue(CsrfToken.fromCookie("|abc", "test-secret").isEmpty());
  }

  @Test
  void mintedTokensAreSixtyFourHexCharsAndDiffer() {
    CsrfToken a = CsrfToken.mint("s");
    assertTrue(a.token().matches("[0-9a-f]{64}"));
    assertFalse(a.token().equals(CsrfToken.mint("s").token()));
    assertTrue(CsrfToken.fromCookie(a.cookieValue(), "s").isPresent());
  }

  @Test
  void submittedTokenMustEqualTheCookieToken() {
    CsrfToken t = CsrfToken.of(TOKEN, "s");
    assertTrue(t.matches(TOKEN));
    assertFalse(t.matches(TOKEN.toUpperCase()));
    assertFalse(t.matches(null));
  }
}
