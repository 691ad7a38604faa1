package dev.authjvm.servlet;

/** The kit against {@link AuthFilter} in embedded Tomcat. */
class TomcatConformanceTest extends ServletKitRun {
  TomcatConformanceTest() {
    super(ServletContainer::tomcat);
  }
}
