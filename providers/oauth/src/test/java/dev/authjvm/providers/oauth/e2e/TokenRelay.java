package dev.authjvm.providers.oauth.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The identity provider's token endpoint with a gate in front of refresh requests: each one is held
 * until the test opens the gate, then passed on to the real endpoint. The test can so keep a refresh in
 * flight while it makes sure other requests have reached the application.
 */
final class TokenRelay implements AutoCloseable {
  private final HttpServer server;
  private final HttpClient http = HttpClient.newHttpClient();
  private final URI target;
  private final AtomicInteger refreshes = new AtomicInteger();
  private volatile CountDownLatch gate = new CountDownLatch(0);
  private volatile boolean gateOpenedInTime = true;

  TokenRelay(URI target) {
    this.target = target;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/token", this::relay);
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/token";
  }

  /** From now on, refresh requests wait until {@code gate} opens (at most 30 s, then they go on). */
  void holdRefreshesUntil(CountDownLatch gate) {
    this.gate = gate;
  }

  /** Refresh requests that reached the provider through this relay. */
  int refreshes() {
    return refreshes.get();
  }

  /** False when a held refresh gave up waiting for its gate. */
  boolean gateOpenedInTime() {
    return gateOpenedInTime;
  }

  private void relay(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    try {
      if (new String(body, StandardCharsets.UTF_8).contains("grant_type=refresh_token")) {
        refreshes.incrementAndGet();
        if (!gate.await(30, TimeUnit.SECONDS)) {
          gateOpenedInTime = false;
        }
      }
      HttpRequest.Builder forward = HttpRequest.newBuilder(target).POST(HttpRequest.BodyPublishers.ofByteArray(body));
      for (String header : new String[] {"Content-Type", "Authorization", "Accept"}) {
        String value = exchange.getRequestHeaders().getFirst(header);
        if (value != null) {
          forward.header(header, value);
        }
      }
      HttpResponse<byte[]> answer = http.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
      answer.headers().firstValue("Content-Type").ifPresent(v -> exchange.getResponseHeaders().set("Content-Type", v));
      exchange.sendResponseHeaders(answer.statusCode(), answer.body().length);
      exchange.getResponseBody().write(answer.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      exchange.sendResponseHeaders(503, -1);
    } finally {
      exchange.close();
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
