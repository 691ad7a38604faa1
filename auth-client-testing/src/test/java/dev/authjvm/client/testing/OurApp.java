package dev.authjvm.client.testing;

import dev.authjvm.core.Auth;
import dev.authjvm.core.config.AuthConfig;
import dev.authjvm.core.session.Session;
import dev.authjvm.javalin.AuthPlugin;
import dev.authjvm.undertow.AuthHandler;
import io.javalin.Javalin;
import io.undertow.Undertow;
import io.undertow.server.HttpServerExchange;
import java.net.InetSocketAddress;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * An application on our server, in this JVM: the API at {@code /api/auth} and {@code GET /me}, a page of
 * the application that answers the signed-in user's name, or 401.
 */
final class OurApp implements AutoCloseable {
  private final String origin;
  private final Runnable stop;

  private OurApp(String origin, Runnable stop) {
    this.origin = origin;
    this.stop = stop;
  }

  /** On Undertow over http, or over https with {@code tls} when it is not {@code null}. */
  static OurApp undertow(AuthConfig config, SSLContext tls) {
    Auth auth = Auth.create(config);
    Undertow.Builder builder = Undertow.builder().setHandler(AuthHandler.mount(auth, exchange -> {
      if (exchange.getRequestPath().equals("/me")) {
        me(exchange, AuthHandler.session(auth, exchange));
      } else {
        exchange.setStatusCode(404);
      }
    }));
    if (tls == null) {
      builder.addHttpListener(0, "127.0.0.1");
    } else {
      builder.addHttpsListener(0, "127.0.0.1", tls);
    }
    Undertow server = builder.build();
    server.start();
    int port = ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
    return new OurApp((tls == null ? "http" : "https") + "://127.0.0.1:" + port, server::stop);
  }

  /** On Javalin over http. */
  static OurApp javalin(AuthConfig config) {
    Auth auth = Auth.create(config);
    Javalin app = Javalin.create(c -> {
      c.registerPlugin(new AuthPlugin(p -> p.auth = auth));
      c.routes.get("/me", ctx -> {
        Optional<Session> session = ctx.with(AuthPlugin.class).session();
        ctx.status(session.isPresent() ? 200 : 401).result(session.map(s -> s.user().name()).orElse("signed out"));
      });
    }).start("127.0.0.1", 0);
    return new OurApp("http://127.0.0.1:" + app.port(), app::stop);
  }

  private static void me(HttpServerExchange exchange, Optional<Session> session) {
    exchange.setStatusCode(session.isPresent() ? 200 : 401);
    exchange.getResponseSender().send(session.map(s -> s.user().name()).orElse("signed out"));
  }

  String origin() {
    return origin;
  }

  String baseUrl() {
    return origin + "/api/auth";
  }

  @Override
  public void close() {
    stop.run();
  }
}
