package dev.authjvm.conformance;

import dev.authjvm.core.config.AuthConfig;
import java.net.URI;
import org.junit.jupiter.api.DisplayName;

/**
 * The kit against a server it did not start, named by the system property
 * {@value KitBase#BASE_URL_PROPERTY} (the full base URL, e.g. {@code http://localhost:3000/api/auth}).
 * Sections that need another configuration than {@link KitConfigs#standard()} are skipped. Used by
 * the console runner; run it from an IDE or build tool by setting the property.
 */
@DisplayName("black-box server")
public class BlackBoxConformance extends AdapterConformanceKit {

  @Override
  protected URI start(AuthConfig config) {
    String url = System.getProperty(BASE_URL_PROPERTY);
    if (url == null || url.isBlank()) {
      throw new IllegalStateException("set -D" + BASE_URL_PROPERTY + "=<base URL such as http://localhost:3000/api/auth>");
    }
    return URI.create(url);
  }

  @Override
  protected void stop() {}

  @Override
  protected boolean blackBox() {
    return true;
  }
}
