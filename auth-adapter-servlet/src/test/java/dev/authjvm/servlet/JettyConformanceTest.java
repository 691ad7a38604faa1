package dev.authjvm.servlet;

import dev.authjvm.conformance.AdapterConformanceKit;
import dev.authjvm.core.Auth;
import dev.authjvm.core.config.AuthConfig;
import java.net.URI;

/** The kit against {@link AuthFilter} in embedded Jetty. */
class JettyConformanceTest extends AdapterConformanceKit {
  private ServletContainer server;

  @Override
  protected URI start(AuthConfig config) throws Exception {
    server = ServletContainer.jetty(context -> AuthFilter.register(context, Auth.create(config)));
    return server.origin();
  }

  @Override
  protected void stop() throws Exception {
    server.close();
  }
}
