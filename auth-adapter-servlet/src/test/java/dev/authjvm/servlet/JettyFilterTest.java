package dev.authjvm.servlet;

import jakarta.servlet.ServletContext;
import java.util.function.Consumer;

/** {@link AuthFilter} in embedded Jetty. */
class JettyFilterTest extends AuthFilterChecks {
  @Override
  ServletContainer start(Consumer<ServletContext> setup) throws Exception {
    return ServletContainer.jetty(setup);
  }
}
