package dev.authjvm.conformance;

import dev.authjvm.core.Auth;
import dev.authjvm.core.config.AuthConfig;
import dev.authjvm.undertow.AuthHandler;
import io.undertow.Undertow;
import io.undertow.util.StatusCodes;
import java.net.InetSocketAddress;
import java.net.URI;

/** The kit against {@code auth-adapter-undertow}. */
class UndertowConformanceTest extends AdapterConformanceKit {
  private Undertow server;

  @Override
  protected URI start(AuthConfig config) {
    server = Undertow.builder().addHttpListener(0, "127.0.0.1")
        .setHandler(AuthHandler.mount(Auth.create(config), exchange -> exchange.setStatusCode(StatusCodes.NOT_FOUND)))
        .build();
    server.start();
    return URI.create("http://127.0.0.1:" + ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort());
  }

  @Override
  protected void stop() {
    server.stop();
  }
}
