package dev.authjvm.servlet;

import dev.authjvm.conformance.AdapterConformanceKit;
import dev.authjvm.core.Auth;
import dev.authjvm.core.config.AuthConfig;
import java.net.URI;

/** The kit against {@link AuthFilter} in one container, registered as an application's start-up code would. */
abstract class ServletKitRun extends AdapterConformanceKit {
  private final ServletContainer.Kind container;
  private ServletContainer server;

  ServletKitRun(ServletContainer.Kind container) {
    this.container = container;
  }

  @Override
  protected URI start(AuthConfig config) throws Exception {
    server = container.start(context -> AuthFilter.register(context, Auth.create(config)));
    return server.origin();
  }

  @Override
  protected void stop() throws Exception {
    server.stop();
  }
}
