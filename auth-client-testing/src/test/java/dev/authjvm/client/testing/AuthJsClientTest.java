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

/** The client suite against the official Auth.js v5 server ({@code @auth/express} from npm). */
class AuthJsClientTest extends ClientSuite {
  AuthJsClientTest() {
    super(AuthProtocol.V5);
  }

  @Override
  Started start() throws Exception {
    ReferenceServer server = ReferenceServer.start(ReferenceServer.Kind.AUTHJS_V5, Map.of("EXAMPLE_OAUTH_ISSUER", ISSUER));
    return new Started(server.baseUrl(), server);
  }

  @Test
  void aV4ClientIsToldThatAuthJsIgnoresJsonTrue() {
    AuthClient v4 = track(AuthClient.builder().baseUrl(baseUrl()).protocol(AuthProtocol.V4).build());
    AuthClientException e = assertThrows(AuthClientException.class, () -> v4.signIn("credentials", Map.of("username", "demo")));
    assertEquals(AuthClientException.Problem.REDIRECT, e.problem());
    assertTrue(e.getMessage().contains("json=true") && e.getMessage().contains("AuthProtocol.V5"), e.getMessage());
  }
}
