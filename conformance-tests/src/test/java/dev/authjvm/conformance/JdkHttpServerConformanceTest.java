package dev.authjvm.conformance;

import dev.authjvm.core.Auth;
import dev.authjvm.core.config.AuthConfig;
import java.net.URI;

/** The kit against the JDK HttpServer adapter of these test sources: the kit's obligations suffice. */
class JdkHttpServerConformanceTest extends AdapterConformanceKit {
  private JdkHttpServerAdapter adapter;

  @Override
  protected URI start(AuthConfig config) throws Exception {
    adapter = new JdkHttpServerAdapter(Auth.create(config));
    return URI.create("http://127.0.0.1:" + adapter.port());
  }

  @Override
  protected void stop() {
    adapter.stop();
  }
}
