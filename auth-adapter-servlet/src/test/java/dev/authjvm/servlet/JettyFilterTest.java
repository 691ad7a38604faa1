package dev.authjvm.servlet;

/** {@link AuthFilter} in embedded Jetty. */
class JettyFilterTest extends AuthFilterChecks {
  JettyFilterTest() {
    super(ServletContainer::jetty);
  }
}
