package dev.authjvm.client;

import static dev.authjvm.client.ScriptedServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the client sends, as the official clients send it; and how it reads the JSON-mode answers. The
 * client suite against real servers shows the same end to end.
 */
class RequestsTest {
  private final ScriptedServer server = BadAnswersTest.newServer().signedOutApi();

  @AfterEach
  void stop() {
    server.close();
  }

  private ScriptedServer.Received lastRequestTo(String path) {
    List<ScriptedServer.Received> requests = server.requestsTo(path);
    return requests.get(requests.size() - 1);
  }

  @Test
  void aV5SignInPostsTheFieldsTokenAndCallbackUrlWithTheReturnRedirectHeader() {
    server.on("/api/auth/callback/credentials", json("{\"url\":\"" + server.origin() + "/\"}"));
    try (AuthClient client = AuthClient.builder().baseUrl(server.baseUrl()).build()) {
      client.signIn("credentials", Map.of("username", "alice"), SignInOptions.defaults().withAuthorizationParams(Map.of("prompt", "login")));
    }
    ScriptedServer.Received post = lastRequestTo("/api/auth/callback/credentials");
    assertEquals("POST", post.method());
    assertEquals("prompt=login", post.query());
    assertEquals("username=alice&csrfToken=token-1&callbackUrl=" + encoded(server.origin() + "/"), post.body());
    assertEquals(List.of("1"), post.headers().get("X-auth-return-redirect"));
    assertEquals("authjs.csrf-token=token-1%7Chash", post.cookie());
  }

  @Test
  void aV4SignInAsksForJsonInTheBody() {
    server.on("/api/auth/callback/credentials", json("{\"url\":\"" + server.origin() + "/\"}"));
    try (AuthClient client = AuthClient.builder().baseUrl(server.baseUrl()).protocol(AuthProtocol.V4).build()) {
      client.signIn("credentials", Map.of("username", "alice"));
    }
    ScriptedServer.Received post = lastRequestTo("/api/auth/callback/credentials");
    assertTrue(post.body().endsWith("&json=true"), post.body());
    assertNull(post.headers().get("X-auth-return-redirect"));
  }

  @Test
  void aV4RefusalIsReadFromItsStatusAsTheV4ClientDoes() {
    server.on("/api/auth/callback/credentials", ScriptedServer.answer(401, "application/json",
        "{\"url\":\"" + server.baseUrl() + "/error?error=CredentialsSignin&provider=credentials\"}"));
    try (AuthClient client = AuthClient.builder().baseUrl(server.baseUrl()).protocol(AuthProtocol.V4).build()) {
      assertEquals(new SignInResult("CredentialsSignin", null, 401, false, null), client.signIn("credentials", Map.of()));
    }
  }

  @Test
  void aV5RefusalKeepsStatus200AndTheCodeAsTheV5ClientDoes() {
    server.on("/api/auth/callback/credentials",
        json("{\"url\":\"" + server.baseUrl() + "/signin?error=CredentialsSignin&code=credentials\"}"));
    try (AuthClient client = AuthClient.builder().baseUrl(server.baseUrl()).build()) {
      SignInResult result = client.signIn("credentials", Map.of());
      assertEquals(new SignInResult("CredentialsSignin", "credentials", 200, true, null), result);
      assertTrue(!result.succeeded());
    }
  }

  @Test
  void anUpdatePostsTheTokenAndDataAsJson() {
    server.on("/api/auth/session", json("{\"user\":{\"name\":\"New\"},\"expires\":\"2030-01-01T00:00:00Z\"}"));
    try (AuthClient client = AuthClient.builder().baseUrl(server.baseUrl()).build()) {
      assertEquals("New", client.update(Map.of("name", "New")).orElseThrow().user().name());
    }
    ScriptedServer.Received post = lastRequestTo("/api/auth/session");
    assertEquals("POST", post.method());
    assertEquals("{\"csrfToken\":\"token-1\",\"data\":{\"name\":\"New\"}}", post.body());
    assertEquals(List.of("application/json"), post.headers().get("Content-type"));
  }

  @Test
  void aSessionKeepsWhatTheSessionCallbackAdded() {
    server.on("/api/auth/session", json("{\"user\":{\"name\":\"A\",\"id\":\"7\",\"roles\":[\"admin\"]},"
        + "\"expires\":\"2030-01-01T00:00:00.000Z\",\"error\":\"RefreshTokenError\"}"));
    try (AuthClient client = AuthClient.builder().baseUrl(server.baseUrl()).build()) {
      Session s = client.session().orElseThrow();
      assertEquals("RefreshTokenError", s.get("error"));
      assertEquals(List.of("admin"), s.user().get("roles"));
      assertEquals("7", s.user().get("id"));
      assertEquals(java.time.Instant.parse("2030-01-01T00:00:00Z"), s.expires());
    }
  }

  @Test
  void theV4NoSessionBodyIsSignedOut() {
    server.on("/api/auth/session", json("{}"));
    try (AuthClient client = AuthClient.builder().baseUrl(server.baseUrl()).protocol(AuthProtocol.V4).build()) {
      assertTrue(client.session().isEmpty());
    }
  }

  private static String encoded(String s) {
    return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
  }
}
