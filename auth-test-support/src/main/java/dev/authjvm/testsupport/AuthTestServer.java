package dev.authjvm.testsupport;

import dev.authjvm.core.Auth;
import dev.authjvm.core.config.AuthConfig;
import dev.authjvm.undertow.AuthHandler;
import io.undertow.Undertow;
import io.undertow.server.HttpHandler;
import io.undertow.util.StatusCodes;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.function.UnaryOperator;

/**
 * One application instance for a test: the core on the Undertow adapter, on a free loopback port,
 * with the application's own pages behind it.
 */
public final class AuthTestServer implements AutoCloseable {
  /** An application with no pages of its own: everything outside the API is 404. */
  public static final HttpHandler NO_PAGES = exchange -> exchange.setStatusCode(StatusCodes.NOT_FOUND);
  /** An application whose every page answers 200 {@code page <path>}, for redirects to land on. */
  public static final HttpHandler ECHO_PAGES = exchange -> {
    exchange.setStatusCode(StatusCodes.OK);
    exchange.getResponseSender().send("page " + exchange.getRequestPath());
  };

  private final Undertow server;
  private final Auth auth;
  private final URI origin;
  private final URI baseUrl;

  private AuthTestServer(AuthConfig config, HttpHandler app, UnaryOperator<HttpHandler> outside) {
    auth = Auth.create(config);
    server = Undertow.builder().addHttpListener(0, "127.0.0.1")
        .setHandler(outside.apply(AuthHandler.mount(auth, app))).build();
    server.start();
    origin = URI.create("http://127.0.0.1:" + ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort());
    baseUrl = URI.create(origin + config.basePath());
  }

  /** The API of {@code config} and no pages. */
  public static AuthTestServer start(AuthConfig config) {
    return start(config, NO_PAGES);
  }

  /** The API of {@code config} in front of {@code app}. */
  public static AuthTestServer start(AuthConfig config, HttpHandler app) {
    return new AuthTestServer(config, app, UnaryOperator.identity());
  }

  /**
   * As {@link #start(AuthConfig, HttpHandler)}, with {@code outside} wrapped around the whole server,
   * e.g. to see requests arrive before the adapter handles them.
   */
  public static AuthTestServer start(AuthConfig config, HttpHandler app, UnaryOperator<HttpHandler> outside) {
    return new AuthTestServer(config, app, outside);
  }

  /** The {@link Auth} the server runs. */
  public Auth auth() {
    return auth;
  }

  /** e.g. {@code http://127.0.0.1:40123} */
  public URI origin() {
    return origin;
  }

  /** The origin with the base path, e.g. {@code http://127.0.0.1:40123/api/auth}. */
  public URI baseUrl() {
    return baseUrl;
  }

  @Override
  public void close() {
    server.stop();
  }
}
