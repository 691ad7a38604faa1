package dev.authjvm.servlet;

/** {@link AuthFilter} in embedded Tomcat. */
class TomcatFilterTest extends AuthFilterChecks {
  TomcatFilterTest() {
    super(ServletContainer::tomcat);
  }
}
