package dev.authjvm.conformance;

import dev.authjvm.core.config.AuthConfig;
import dev.authjvm.testsupport.AuthTestServer;
import java.net.URI;

/** The kit against {@code auth-adapter-undertow}. */
class UndertowConformanceTest extends AdapterConformanceKit {
  private AuthTestServer server;

  @Override
  protected URI start(AuthConfig config) {
    server = AuthTestServer.start(config);
    return server.origin();
  }

  @Override
  protected void stop() {
    server.close();
  }
}
