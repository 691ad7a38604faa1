package dev.authjvm.servlet;

import jakarta.servlet.ServletContext;
import java.util.function.Consumer;

/** {@link AuthFilter} in embedded Tomcat. */
class TomcatFilterTest extends AuthFilterChecks {
  @Override
  ServletContainer start(Consumer<ServletContext> setup) throws Exception {
    return ServletContainer.tomcat(setup);
  }
}
