package dev.authjvm.client;

import static dev.authjvm.client.ScriptedServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The client's own cookie store, seen from a real server: what it sends back, and when it stops. */
class CookieStoreTest {
  private static final String SESSION = "{\"user\":{\"name\":\"Alice\"},\"expires\":\"2030-01-01T00:00:00Z\"}";
  private final ScriptedServer server = BadAnswersTest.newServer();
  private final AuthClient client = AuthClient.builder().baseUrl(server.baseUrl()).build();

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  private String cookieSentWithNextRequest() {
    server.on("/api/auth/providers", json("{}"));
    client.providers();
    List<ScriptedServer.Received> requests = server.requestsTo("/api/auth/providers");
    return requests.get(requests.size() - 1).cookie();
  }

  @Test
  void cookiesSetByTheServerAreSentBack() {
    server.on("/api/auth/csrf", json("{\"csrfToken\":\"t\"}", "Set-Cookie", "authjs.csrf-token=t%7Ch; Path=/; HttpOnly; SameSite=Lax"));
    client.csrfToken();
    assertEquals("authjs.csrf-token=t%7Ch", cookieSentWithNextRequest());
  }

  @Test
  void aCookieDeletedWithMaxAgeZeroIsNoLongerSent() {
    server.on("/api/auth/csrf", json("{\"csrfToken\":\"t\"}", "Set-Cookie", "a=1; Path=/", "Set-Cookie", "b=2; Path=/"));
    client.csrfToken();
    server.on("/api/auth/session", json("null", "Set-Cookie", "a=; Max-Age=0; Path=/"));
    client.session();
    assertEquals("b=2", cookieSentWithNextRequest());
  }

  @Test
  void aCookieDeletedWithAnExpiryInThePastIsNoLongerSent() {
    server.on("/api/auth/csrf", json("{\"csrfToken\":\"t\"}", "Set-Cookie", "a=1; Path=/"));
    client.csrfToken();
    server.on("/api/auth/session", json("null", "Set-Cookie", "a=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT"));
    client.session();
    assertNull(cookieSentWithNextRequest());
  }

  @Test
  void aCookieIsReplacedByOneOfTheSameNameAndPath() {
    server.on("/api/auth/csrf", json("{\"csrfToken\":\"t\"}", "Set-Cookie", "a=1; Path=/"));
    client.csrfToken();
    server.on("/api/auth/csrf", json("{\"csrfToken\":\"t\"}", "Set-Cookie", "a=2; Path=/"));
    client.csrfToken();
    assertEquals("a=2", cookieSentWithNextRequest());
  }

  @Test
  void aCookieGoesOnlyUnderItsPath() {
    server.on("/api/auth/csrf", json("{\"csrfToken\":\"t\"}", "Set-Cookie", "scoped=1; Path=/api/auth/csrf"));
    client.csrfToken();
    assertNull(cookieSentWithNextRequest());
    assertEquals("scoped=1", client.cookieHeader(URI.create(server.baseUrl() + "/csrf")));
    assertEquals("", client.cookieHeader(URI.create(server.baseUrl() + "/csrfx")));
  }

  @Test
  void aChunkedSessionTokenIsJoinedInChunkOrder() {
    String name = "authjs.session-token";
    server.on("/api/auth/session", json(SESSION, "Set-Cookie", name + ".1=BBB; Path=/", "Set-Cookie", name + ".0=AAA; Path=/",
        "Set-Cookie", name + ".2=C; Path=/"));
    client.session();
    assertEquals(Optional.of("AAABBBC"), client.sessionToken());
    assertEquals(name + ".1=BBB; " + name + ".0=AAA; " + name + ".2=C", cookieSentWithNextRequest());
  }

  @Test
  void aSessionTokenThatShrinksToOneCookieReplacesItsChunks() {
    String name = "authjs.session-token";
    server.on("/api/auth/session", json(SESSION, "Set-Cookie", name + ".0=AAA; Path=/", "Set-Cookie", name + ".1=BBB; Path=/"));
    client.session();
    server.on("/api/auth/session", json(SESSION, "Set-Cookie", name + ".0=; Path=/; Max-Age=0",
        "Set-Cookie", name + ".1=; Path=/; Max-Age=0", "Set-Cookie", name + "=small; Path=/"));
    client.session();
    assertEquals(Optional.of("small"), client.sessionToken());
  }

  @Test
  void theV4SessionCookieIsReadUnderItsOwnName() {
    try (AuthClient v4 = AuthClient.builder().baseUrl(server.baseUrl()).protocol(AuthProtocol.V4).build()) {
      server.on("/api/auth/session", json(SESSION, "Set-Cookie", "authjs.session-token=v5; Path=/",
          "Set-Cookie", "next-auth.session-token=v4; Path=/"));
      v4.session();
      assertEquals(Optional.of("v4"), v4.sessionToken());
    }
  }

  @Test
  void aStartingCookieIsSentFromTheFirstRequest() {
    try (AuthClient minted = AuthClient.builder().baseUrl(server.baseUrl()).cookie("authjs.session-token", "minted").build()) {
      server.on("/api/auth/session", json(SESSION));
      minted.session();
      assertEquals("authjs.session-token=minted", server.requestsTo("/api/auth/session").get(0).cookie());
      assertTrue(minted.cookies().get(0).hostOnly());
    }
  }
}
