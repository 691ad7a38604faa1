package dev.authjvm.client.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.authjvm.client.AuthClient;
import dev.authjvm.client.AuthProtocol;
import dev.authjvm.client.SignInResult;
import dev.authjvm.core.config.ProtocolVersion;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The client suite against our server on Undertow, {@code AUTH_PROTOCOL_VERSION=v5}. */
class OurServerV5ClientTest extends ClientSuite {
  OurServerV5ClientTest() {
    super(AuthProtocol.V5);
  }

  @Override
  Started start() {
    OurApp app = OurApp.undertow(ourConfig(ProtocolVersion.V5), null);
    return new Started(app.baseUrl(), app);
  }

  @Test
  void aV4ClientIsServedTooWithTheStatusesItDerivesOkFrom() {
    AuthClient v4 = track(AuthClient.builder().baseUrl(baseUrl()).protocol(AuthProtocol.V4).build());
    assertEquals(new SignInResult("CredentialsSignin", "credentials", 401, false, null),
        v4.signIn("credentials", Map.of("username", "demo", "password", "wrong")));
    assertEquals(new SignInResult(null, null, 200, true, origin() + "/"),
        v4.signIn("credentials", Map.of("username", "demo", "password", "demo")));
  }
}
