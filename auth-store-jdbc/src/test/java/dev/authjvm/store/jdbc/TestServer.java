package dev.authjvm.store.jdbc;

import dev.authjvm.core.Auth;
import dev.authjvm.core.config.AuthConfig;
import dev.authjvm.undertow.AuthHandler;
import io.undertow.Undertow;
import io.undertow.util.StatusCodes;
import java.net.InetSocketAddress;
import java.net.URI;

/** One application instance: the core on the Undertow adapter, on a free loopback port. */
final class TestServer implements AutoCloseable {
  private final Undertow server;
  final URI baseUrl;

  TestServer(AuthConfig config) {
    server = Undertow.builder().addHttpListener(0, "127.0.0.1")
        .setHandler(AuthHandler.mount(Auth.create(config), exchange -> exchange.setStatusCode(StatusCodes.NOT_FOUND)))
        .build();
    server.start();
    int port = ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
    baseUrl = URI.create("http://127.0.0.1:" + port + config.basePath());
  }

  @Override
  public void close() {
    server.stop();
  }
}
