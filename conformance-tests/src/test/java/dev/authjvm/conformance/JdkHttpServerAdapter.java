package dev.authjvm.conformance;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.authjvm.core.Auth;
import dev.authjvm.core.http.AuthRequest;
import dev.authjvm.core.http.AuthResponse;
import dev.authjvm.core.http.HttpHeaders;
import dev.authjvm.core.http.SetCookie;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.UnaryOperator;

/**
 * A whole adapter for the JDK's built-in {@code com.sun.net.httpserver}: the worked example that an
 * adapter is two converters. It is what the README's "Check your own adapter" shows.
 */
final class JdkHttpServerAdapter {
  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(4);

  JdkHttpServerAdapter(Auth auth) throws IOException {
    this(auth, UnaryOperator.identity());
  }

  /** @param tamper changes each response before it is written: how the broken-adapter fixture breaks. */
  JdkHttpServerAdapter(Auth auth, UnaryOperator<AuthResponse> tamper) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(auth.config().basePath() + "/", exchange -> {
      try (exchange) {
        write(exchange, tamper.apply(handle(auth, exchange)));
      }
    });
    server.setExecutor(executor);
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  void stop() {
    server.stop(0);
    executor.shutdownNow();
  }

  private static AuthResponse handle(Auth auth, HttpExchange exchange) throws IOException {
    HttpHeaders.Builder headers = HttpHeaders.builder();
    exchange.getRequestHeaders().forEach((name, values) -> values.forEach(v -> headers.add(name, v)));
    return auth.handle(new AuthRequest(exchange.getRequestMethod(), "http",
        null,
        exchange.getRequestURI().getRawPath(), exchange.getRequestURI().getRawQuery(), headers.build(), null),
        exchange.getRequestBody());
  }

  private static void write(HttpExchange exchange, AuthResponse response) throws IOException {
    response.headers().fields().forEach(h -> exchange.getResponseHeaders().add(h.getKey(), h.getValue()));
    for (SetCookie c : response.cookies()) {
      exchange.getResponseHeaders().add("Set-Cookie", c.toHeaderValue());
    }
    boolean noBody = response.body().length == 0 || exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(response.status(), noBody ? -1 : response.body().length);
    if (!noBody) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(response.body());
      }
    }
  }
}
