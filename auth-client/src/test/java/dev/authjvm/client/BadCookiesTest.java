package dev.authjvm.client;

import static dev.authjvm.client.BadAnswersTest.assertMessage;
import static dev.authjvm.client.BadAnswersTest.refused;
import static dev.authjvm.client.ScriptedServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authjvm.client.AuthClientException.Problem;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A cookie a browser would refuse or never send back would make the server forget the user without a
 * word; the client refuses it at once, naming the cookie and the rule.
 */
class BadCookiesTest {
  private static final String SESSION = "{\"user\":{\"name\":\"Alice\"},\"expires\":\"2030-01-01T00:00:00Z\"}";
  private final ScriptedServer server = BadAnswersTest.newServer();
  private final AuthClient client = AuthClient.builder().baseUrl(server.baseUrl()).build();

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  private AuthClientException refusedCookie(String setCookie) {
    server.on("/api/auth/session", json(SESSION, "Set-Cookie", setCookie));
    return refused(Problem.BAD_COOKIE, client::session);
  }

  @Test
  void anOversizedCookieIsRefusedWithItsSizeAndTheChunkingHint() {
    String value = "x".repeat(5000);
    AuthClientException e = refusedCookie("authjs.session-token=" + value + "; Path=/; HttpOnly");
    assertMessage(e, "cookie authjs.session-token is 5020 bytes", "over 4096", "authjs.session-token.0");
  }

  @Test
  void aCookieOfExactly4096BytesIsKept() {
    String name = "authjs.session-token";
    server.on("/api/auth/session", json(SESSION, "Set-Cookie", name + "=" + "x".repeat(4096 - name.length()) + "; Path=/"));
    client.session();
    assertEquals(List.of(name), client.cookies().stream().map(ClientCookie::name).toList());
  }

  @Test
  void aCookieWithoutEqualsSignIsMalformed() {
    assertMessage(refusedCookie("authjs.session-token; Path=/"), "has no '='", "authjs.session-token");
  }

  @Test
  void aCookieWithoutNameIsMalformed() {
    assertMessage(refusedCookie("=value; Path=/"), "empty name");
  }

  @Test
  void aCookieNameWithASpaceIsMalformed() {
    assertMessage(refusedCookie("session token=abc; Path=/"), "cookie name \"session token\"", "' '");
  }

  @Test
  void aCookieValueWithANonAsciiCharacterIsMalformed() {
    assertMessage(refusedCookie("authjs.session-token=caf\u00e9; Path=/"), "authjs.session-token", "U+00E9");
  }

  @Test
  void anExpiryThatIsNotADateIsMalformed() {
    assertMessage(refusedCookie("a=b; Expires=tomorrow"), "Expires=tomorrow", "not an HTTP date");
  }

  @Test
  void aMaxAgeThatIsNotANumberIsMalformed() {
    assertMessage(refusedCookie("a=b; Max-Age=soon"), "Max-Age=soon");
  }

  @Test
  void aCookieForAnotherDomainIsRefused() {
    assertMessage(refusedCookie("a=b; Domain=evil.example; Path=/"), "Domain=evil.example", "does not cover");
  }

  @Test
  void aSecurePrefixWithoutSecureIsRefused() {
    assertMessage(refusedCookie("__Secure-authjs.session-token=abc; Path=/"), "__Secure- prefix but not the Secure attribute");
  }

  @Test
  void aHostPrefixWithAPathOtherThanRootIsRefused() {
    assertMessage(refusedCookie("__Host-authjs.csrf-token=abc; Path=/api; Secure"), "__Host- prefix");
  }

  @Test
  void aSecureCookieOverPlainHttpIsRefusedBecauseItWouldNeverComeBack() {
    AuthClientException e = refusedCookie("authjs.session-token=abc; Path=/; Secure");
    assertMessage(e, "authjs.session-token is Secure but was set over http://127.0.0.1", "never be sent back", "https URL");
  }

  @Test
  void aRefusedCookieLeavesTheOthersOfItsAnswerUnstored() {
    server.on("/api/auth/session", json(SESSION, "Set-Cookie", "good=1; Path=/", "Set-Cookie", "bad; Path=/"));
    refused(Problem.BAD_COOKIE, client::session);
    assertTrue(client.cookies().isEmpty(), client.cookies().toString());
  }

  @Test
  void aMalformedStartingCookieIsAnArgumentError() {
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> AuthClient.builder().baseUrl(server.baseUrl()).cookie("authjs.session-token", "a\u0000b").build());
    assertMessage(e, "cookie:", "U+0000");
  }

  @Test
  void aStartingCookieCannotSmuggleAttributes() {
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> AuthClient.builder().baseUrl(server.baseUrl()).cookie("authjs.session-token", "abc; Path=/api"));
    assertMessage(e, "a value not ';'");
  }

  @Test
  void aSecureCookieIsNeverSentOverPlainHttp() {
    try (AuthClient https = AuthClient.builder().baseUrl("https://app.example/api/auth")
        .cookie("__Secure-authjs.session-token", "abc").build()) {
      assertEquals("__Secure-authjs.session-token=abc", https.cookieHeader(URI.create("https://app.example/account")));
      assertEquals("", https.cookieHeader(URI.create("http://app.example/account")));
    }
  }
}
