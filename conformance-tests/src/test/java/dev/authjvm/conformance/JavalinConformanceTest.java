package dev.authjvm.conformance;

import dev.authjvm.core.Auth;
import dev.authjvm.core.config.AuthConfig;
import dev.authjvm.javalin.AuthPlugin;
import io.javalin.Javalin;
import java.net.URI;

/** The kit against {@code auth-adapter-javalin}. */
class JavalinConformanceTest extends AdapterConformanceKit {
  private Javalin app;

  @Override
  protected URI start(AuthConfig config) {
    app = Javalin.create(c -> c.registerPlugin(new AuthPlugin(p -> p.auth = Auth.create(config)))).start("127.0.0.1", 0);
    return URI.create("http://127.0.0.1:" + app.port());
  }

  @Override
  protected void stop() {
    app.stop();
  }
}
