package dev.authjvm.client;

import static dev.authjvm.client.BadAnswersTest.assertMessage;
import static dev.authjvm.client.BadAnswersTest.refused;
import static dev.authjvm.client.ScriptedServer.answer;
import static dev.authjvm.client.ScriptedServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.authjvm.client.AuthClientException.Problem;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Redirects are not followed blindly: the protocol answers JSON, and cookies stay with their origin. */
class RedirectsTest {
  private final ScriptedServer server = BadAnswersTest.newServer();
  private final ScriptedServer elsewhere = BadAnswersTest.newServer();

  @AfterEach
  void stop() {
    server.close();
    elsewhere.close();
  }

  @Test
  void aRedirectToAnotherOriginIsRefusedAndNotFollowed() {
    elsewhere.on("/api/auth/session", json("{\"user\":{\"name\":\"Mallory\"},\"expires\":\"2030-01-01T00:00:00Z\"}"));
    server.on("/api/auth/session", answer(302, null, "", "Location", elsewhere.baseUrl() + "/session"));
    try (AuthClient client = AuthClient.builder().baseUrl(server.baseUrl()).cookie("authjs.session-token", "secret").build()) {
      AuthClientException e = refused(Problem.REDIRECT, client::session);
      assertMessage(e, "redirected to another origin", elsewhere.baseUrl() + "/session", "talks only to " + server.origin());
    }
    assertEquals(0, elsewhere.received.size(), "the other origin was never contacted, so it saw no cookie");
  }

  @Test
  void aRedirectOnTheSameOriginIsFollowedForAGet() {
    // As Next.js with trailingSlash: true answers /api/auth/session.
    server.on("/api/auth/session", answer(308, null, "", "Location", "/api/auth/session/"));
    server.on("/api/auth/session/", json("{\"user\":{\"name\":\"Alice\"},\"expires\":\"2030-01-01T00:00:00Z\"}"));
    try (AuthClient client = AuthClient.builder().baseUrl(server.baseUrl()).build()) {
      assertEquals("Alice", client.session().orElseThrow().user().name());
    }
  }

  @Test
  void aRedirectLoopEnds() {
    server.on("/api/auth/session", answer(302, null, "", "Location", "/api/auth/session"));
    try (AuthClient client = AuthClient.builder().baseUrl(server.baseUrl()).build()) {
      assertMessage(refused(Problem.REDIRECT, client::session), "redirected more than 5 times");
    }
  }

  @Test
  void aV5SignInAnsweredWithARedirectNamesTheJsonModeTheServerIgnored() {
    // What a NextAuth.js v4 server does with the v5 header: it redirects as for a browser form.
    server.signedOutApi().on("/api/auth/callback/credentials",
        answer(302, null, "", "Location", server.origin() + "/api/auth/error?error=CredentialsSignin"));
    try (AuthClient client = AuthClient.builder().baseUrl(server.baseUrl()).build()) {
      AuthClientException e = refused(Problem.REDIRECT, () -> client.signIn("credentials", Map.of("username", "a")));
      assertMessage(e, "instead of JSON", "X-Auth-Return-Redirect", "AuthProtocol.V4");
    }
  }

  @Test
  void aV4SignOutAnsweredWithARedirectNamesTheJsonModeTheServerIgnored() {
    // What an Auth.js v5 server does with json=true.
    server.signedOutApi().on("/api/auth/signout", answer(302, null, "", "Location", server.origin() + "/"));
    try (AuthClient client = AuthClient.builder().baseUrl(server.baseUrl()).protocol(AuthProtocol.V4).build()) {
      assertMessage(refused(Problem.REDIRECT, client::signOut), "json=true", "AuthProtocol.V5");
    }
  }
}
