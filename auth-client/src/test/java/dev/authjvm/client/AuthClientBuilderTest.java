package dev.authjvm.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Settings are checked when the client is built, with messages that name them. */
class AuthClientBuilderTest {

  @Test
  void aBaseUrlWithoutPathMeansApiAuthAsInTheOfficialClient() {
    try (AuthClient client = AuthClient.builder().baseUrl("https://example.com").build()) {
      assertEquals("https://example.com/api/auth", client.baseUrl().toString());
    }
  }

  @Test
  void aTrailingSlashIsDropped() {
    try (AuthClient client = AuthClient.builder().baseUrl("http://localhost:8080/auth/").build()) {
      assertEquals("http://localhost:8080/auth", client.baseUrl().toString());
    }
  }

  @Test
  void theBaseUrlIsRequired() {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> AuthClient.builder().build());
    assertTrue(e.getMessage().startsWith("baseUrl is required"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"example.com/api/auth", "ftp://example.com/api/auth", "https://example.com/api/auth?x=1", "http://exa mple.com"})
  void aBaseUrlThatIsNotAnHttpUrlIsRefusedByName(String url) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AuthClient.builder().baseUrl(url).build());
    assertTrue(e.getMessage().startsWith("baseUrl "), e.getMessage());
    assertTrue(e.getMessage().contains(url), e.getMessage());
  }

  @Test
  void aRefetchIntervalMustBePositive() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> AuthClient.builder().refetchInterval(Duration.ZERO));
    assertTrue(e.getMessage().startsWith("refetchInterval must be a positive duration"), e.getMessage());
  }

  @Test
  void v5IsTheDefaultProtocol() {
    try (AuthClient client = AuthClient.builder().baseUrl("https://example.com").build()) {
      assertEquals(AuthProtocol.V5, client.protocol());
    }
  }

  @Test
  void cookieNamesFollowTheProtocolAndTheScheme() {
    assertEquals("authjs.session-token", AuthProtocol.V5.sessionCookieName(false));
    assertEquals("__Secure-next-auth.session-token", AuthProtocol.V4.sessionCookieName(true));
    assertEquals("__Host-authjs.csrf-token", AuthProtocol.V5.csrfCookieName(true));
    assertEquals("next-auth.csrf-token", AuthProtocol.V4.csrfCookieName(false));
  }
}
