package dev.authjvm.client.testing;

import dev.authjvm.client.AuthProtocol;
import dev.authjvm.core.config.ProtocolVersion;

/** The client suite against our server on Javalin, {@code AUTH_PROTOCOL_VERSION=v4}. */
class OurServerV4ClientTest extends ClientSuite {
  OurServerV4ClientTest() {
    super(AuthProtocol.V4);
  }

  @Override
  Started start() {
    OurApp app = OurApp.javalin(ourConfig(ProtocolVersion.V4));
    return new Started(app.baseUrl(), app);
  }
}
