package dev.authjvm.servlet;

import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.catalina.valves.ErrorReportValve;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * A real embedded servlet container on a free loopback port, set up as an application would: the
 * web application's start-up code ({@code setup}, run as a {@link ServletContainerInitializer})
 * registers the filters; a servlet at {@code /} answers everything else with 404.
 *
 * @param stopper stops the container
 */
record ServletContainer(URI origin, Stopper stopper) {

  /** One of the containers: starts it with the application's start-up code. */
  @FunctionalInterface
  interface Kind {
    ServletContainer start(Consumer<ServletContext> setup) throws Exception;
  }

  /** How one container stops. */
  @FunctionalInterface
  interface Stopper {
    void stop() throws Exception;
  }

  void stop() throws Exception {
    stopper.stop();
  }

  /** What a request no filter answers gets: a plain 404, as from an application with no such page. */
  static final class NotFound extends HttpServlet {
    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      resp.sendError(404);
    }
  }

  static ServletContainer tomcat(Consumer<ServletContext> setup) throws Exception {
    Path baseDir = Files.createTempDirectory("tomcat");
    Tomcat tomcat = new Tomcat();
    tomcat.setBaseDir(baseDir.toString());
    Connector connector = new Connector();
    connector.setPort(0);
    connector.setProperty("address", "127.0.0.1");
    connector.setProperty("maxHttpHeaderSize", String.valueOf(AuthFilter.MIN_REQUEST_HEADER_BYTES));
    tomcat.setConnector(connector);
    // Tomcat's own error page for requests it refuses (a bad request line) shows the stack trace by default.
    ErrorReportValve errorReport = new ErrorReportValve();
    errorReport.setShowReport(false);
    errorReport.setShowServerInfo(false);
    tomcat.getHost().getPipeline().addValve(errorReport);
    Context context = tomcat.addContext("", baseDir.toString());
    Tomcat.addServlet(context, "notFound", new NotFound()).addMapping("/");
    context.addServletContainerInitializer((classes, servletContext) -> setup.accept(servletContext), null);
    tomcat.start();
    return new ServletContainer(URI.create("http://127.0.0.1:" + connector.getLocalPort()), () -> {
      tomcat.stop();
      tomcat.destroy();
    });
  }

  static ServletContainer jetty(Consumer<ServletContext> setup) throws Exception {
    Server server = new Server();
    HttpConfiguration http = new HttpConfiguration();
    http.setRequestHeaderSize(AuthFilter.MIN_REQUEST_HEADER_BYTES);
    ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler("/");
    context.addServlet(new ServletHolder(new NotFound()), "/");
    context.addServletContainerInitializer((classes, servletContext) -> setup.accept(servletContext));
    server.setHandler(context);
    server.start();
    return new ServletContainer(URI.create("http://127.0.0.1:" + connector.getLocalPort()), server::stop);
  }
}
