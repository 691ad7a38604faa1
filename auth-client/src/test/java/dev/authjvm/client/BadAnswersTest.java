package dev.authjvm.client;

import static dev.authjvm.client.ScriptedServer.answer;
import static dev.authjvm.client.ScriptedServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authjvm.client.AuthClientException.Problem;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * A server that answers something other than the protocol's JSON gets an exception that names the
 * request and what was wrong, never an empty session.
 */
class BadAnswersTest {
  private final ScriptedServer server = newServer();
  private final AuthClient client = AuthClient.builder().baseUrl(server.baseUrl()).build();

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  @Test
  void anHtmlPageWhereTheSessionShouldBeIsNotJsonAndSaysSo() {
    server.on("/api/auth/session", answer(200, "text/html; charset=utf-8", "<!DOCTYPE html><html><body>Welcome</body></html>"));
    AuthClientException e = refused(Problem.NOT_JSON, client::session);
    assertMessage(e, "GET " + server.baseUrl() + "/session", "HTML page", "text/html", "<!DOCTYPE html>",
        "Is the base URL the Auth.js API");
  }

  @Test
  void aBodyThatIsNotJsonIsRefusedWithItsStart() {
    server.on("/api/auth/session", answer(200, "application/json", "{\"user\": {\"name\": "));
    assertMessage(refused(Problem.NOT_JSON, client::session), "not JSON", "application/json", "{\"user\": {\"name\":");
  }

  @Test
  void plainTextIsNotJson() {
    server.on("/api/auth/csrf", answer(200, "text/plain", "OK"));
    assertMessage(refused(Problem.NOT_JSON, client::csrfToken), "GET " + server.baseUrl() + "/csrf", "not JSON", "OK");
  }

  @Test
  void anEmptyBodyIsNotASignedOutSession() {
    server.on("/api/auth/session", answer(200, "application/json", ""));
    assertMessage(refused(Problem.NOT_JSON, client::session), "empty body");
  }

  @Test
  void jsonOfAnotherShapeIsNotASession() {
    server.on("/api/auth/session", json("[\"user\"]"));
    assertMessage(refused(Problem.UNEXPECTED_JSON, client::session), "not a session object or null", "[\"user\"]");
  }

  @Test
  void aUserThatIsNotAnObjectIsRefused() {
    server.on("/api/auth/session", json("{\"user\":\"alice\",\"expires\":\"2030-01-01T00:00:00.000Z\"}"));
    assertMessage(refused(Problem.UNEXPECTED_JSON, client::session), "user is an object");
  }

  @Test
  void anExpiryThatIsNotAnInstantIsRefused() {
    server.on("/api/auth/session", json("{\"user\":{\"name\":\"A\"},\"expires\":\"next tuesday\"}"));
    assertMessage(refused(Problem.UNEXPECTED_JSON, client::session), "expires is an ISO-8601 instant", "next tuesday");
  }

  @Test
  void aServerErrorOnTheSessionIsAnErrorNotASignedOutUser() {
    server.on("/api/auth/session", answer(500, "application/json", "{\"message\":\"There was a problem with the server configuration.\"}"));
    AuthClientException e = refused(Problem.HTTP_STATUS, client::session);
    assertMessage(e, "answered 500", "problem with the server configuration");
  }

  @Test
  void aCsrfAnswerWithoutTokenIsRefused() {
    server.on("/api/auth/csrf", json("{\"token\":\"x\"}"));
    assertMessage(refused(Problem.UNEXPECTED_JSON, client::csrfToken), "csrfToken");
  }

  @Test
  void providersWithoutTypeAreRefused() {
    server.on("/api/auth/providers", json("{\"github\":{\"id\":\"github\"}}"));
    assertMessage(refused(Problem.UNEXPECTED_JSON, client::providers), "github has none");
  }

  @Test
  void aSignInAnswerWithoutUrlIsRefused() {
    server.signedOutApi().on("/api/auth/callback/credentials", json("{\"ok\":true}"));
    assertMessage(refused(Problem.UNEXPECTED_JSON, () -> client.signIn("credentials", Map.of())), "{\"url\"");
  }

  @Test
  void aSignInAnsweredWithAnHtmlErrorPageGivesItsStatus() {
    server.signedOutApi().on("/api/auth/callback/credentials", answer(502, "text/html", "<html>Bad Gateway</html>"));
    assertMessage(refused(Problem.HTTP_STATUS, () -> client.signIn("credentials", Map.of())), "answered 502", "Bad Gateway");
  }

  @Test
  void aBodyLargerThanAnyOfTheProtocolIsRefused() {
    server.on("/api/auth/providers", json("{\"x\":\"" + "y".repeat(AuthHttp.MAX_BODY_BYTES) + "\"}"));
    assertMessage(refused(Problem.TOO_LARGE, client::providers), "over " + AuthHttp.MAX_BODY_BYTES + " bytes");
  }

  @Test
  void anUnknownProviderIsNamedWithTheOnesOffered() {
    server.signedOutApi();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> client.signIn("github", Map.of()));
    assertTrue(e.getMessage().contains("no provider \"github\"") && e.getMessage().contains("[credentials]"), e.getMessage());
  }

  @Test
  void aServerThatIsNotThereIsAnIoErrorNamingTheUrl() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    try (AuthClient nowhere = AuthClient.builder().baseUrl("http://127.0.0.1:" + port + "/api/auth").build()) {
      assertMessage(refused(Problem.IO, nowhere::session), "GET http://127.0.0.1:" + port + "/api/auth/session failed");
    }
  }

  static AuthClientException refused(Problem problem, Executable call) {
    AuthClientException e = assertThrows(AuthClientException.class, call);
    assertEquals(problem, e.problem(), e.getMessage());
    return e;
  }

  static void assertMessage(Exception e, String... parts) {
    for (String part : parts) {
      assertTrue(e.getMessage().contains(part), "\"" + part + "\" missing from: " + e.getMessage());
    }
  }

  static ScriptedServer newServer() {
    try {
      return new ScriptedServer();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
