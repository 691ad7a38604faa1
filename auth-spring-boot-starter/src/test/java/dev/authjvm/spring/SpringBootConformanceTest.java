package dev.authjvm.spring;

import dev.authjvm.conformance.AdapterConformanceKit;
import dev.authjvm.core.config.AuthConfig;
import java.net.URI;
import java.util.Map;

/** The kit against a Spring Boot application on Tomcat whose only authjvm set-up is its own {@code AuthConfig} bean. */
class SpringBootConformanceTest extends AdapterConformanceKit {
  private TestApplication.Running app;

  @Override
  protected URI start(AuthConfig config) {
    app = TestApplication.start(Map.of(), config);
    return URI.create(app.origin());
  }

  @Override
  protected void stop() {
    app.close();
  }
}
