package dev.authjvm.servlet;

/** The kit against {@link AuthFilter} in embedded Jetty. */
class JettyConformanceTest extends ServletKitRun {
  JettyConformanceTest() {
    super(ServletContainer::jetty);
  }
}
