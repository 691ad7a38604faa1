package dev.authjvm.providers.oauth.e2e;

import dev.authjvm.core.Auth;
import dev.authjvm.core.config.AuthConfig;
import dev.authjvm.core.config.AuthConfigBuilder;
import dev.authjvm.core.spi.Environment;
import dev.authjvm.undertow.AuthHandler;
import io.undertow.Undertow;
import io.undertow.util.StatusCodes;
import java.net.InetSocketAddress;
import java.util.Map;

/** The application under test: the core behind the Undertow adapter on a random port. */
final class AppServer implements AutoCloseable {
  static final String SECRET = "an-oauth-e2e-secret-that-is-long-enough";
  private final Undertow server;
  final Auth auth;
  final String base;

  AppServer(AuthConfig config) {
    this.auth = Auth.create(config);
    server = Undertow.builder().addHttpListener(0, "127.0.0.1")
        .setHandler(AuthHandler.mount(auth, exchange -> {
          exchange.setStatusCode(StatusCodes.OK);
          exchange.getResponseSender().send("page " + exchange.getRequestPath());
        }))
        .build();
    server.start();
    base = "http://127.0.0.1:" + ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
  }

  /** A configuration without discovery or env settings beyond the shared secret. */
  static AuthConfigBuilder config() {
    return AuthConfig.builder().secret(SECRET).environment(Environment.of(Map.of())).discoverProviders(false)
        .discoverStore(false);
  }

  @Override
  public void close() {
    server.stop();
  }
}
