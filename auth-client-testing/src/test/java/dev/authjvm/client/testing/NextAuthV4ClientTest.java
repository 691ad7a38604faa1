package dev.authjvm.client.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authjvm.client.AuthClient;
import dev.authjvm.client.AuthClientException;
import dev.authjvm.client.AuthProtocol;
import dev.authjvm.conformance.ReferenceServer;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The client suite against the official NextAuth.js v4 server ({@code next-auth@4} from npm). */
class NextAuthV4ClientTest extends ClientSuite {
  NextAuthV4ClientTest() {
    super(AuthProtocol.V4);
  }

  @Override
  Started start() throws Exception {
    ReferenceServer server = ReferenceServer.start(ReferenceServer.Kind.NEXTAUTH_V4, Map.of("EXAMPLE_OAUTH_ISSUER", ISSUER));
    return new Started(server.baseUrl(), server);
  }

  @Test
  void aV5ClientIsToldThatNextAuthV4IgnoresTheReturnRedirectHeader() {
    AuthClient v5 = track(AuthClient.builder().baseUrl(baseUrl()).build());
    AuthClientException e = assertThrows(AuthClientException.class, () -> v5.signIn("credentials", Map.of("username", "demo")));
    assertEquals(AuthClientException.Problem.REDIRECT, e.problem());
    assertTrue(e.getMessage().contains("X-Auth-Return-Redirect") && e.getMessage().contains("AuthProtocol.V4"), e.getMessage());
  }
}
