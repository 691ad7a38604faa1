package dev.authjvm.client;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A real HTTP server (the JDK's) on a free loopback port that answers each path as the test scripts
 * it, well or badly, and records what it was sent. Unscripted paths answer 404.
 */
final class ScriptedServer implements AutoCloseable {
  /** What the server answers to one request. */
  @FunctionalInterface
  interface Responder {
    void respond(HttpExchange exchange) throws IOException;
  }

  /** A request as the server received it. */
  record Received(String method, String path, String query, String cookie, Map<String, List<String>> headers, String body) {}

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "scripted-server");
    t.setDaemon(true);
    return t;
  });
  private final Map<String, Responder> script = new ConcurrentHashMap<>();
  final List<Received> received = new CopyOnWriteArrayList<>();

  ScriptedServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /** The origin, e.g. {@code http://127.0.0.1:41234}. */
  String origin() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The base URL of the API this server pretends to serve. */
  String baseUrl() {
    return origin() + "/api/auth";
  }

  /** Scripts the answer to every request on {@code path} (e.g. {@code /api/auth/session}). */
  ScriptedServer on(String path, Responder responder) {
    script.put(path, responder);
    return this;
  }

  /** How many requests reached {@code path}. */
  long hits(String path) {
    return received.stream().filter(r -> r.path().equals(path)).count();
  }

  List<Received> requestsTo(String path) {
    return received.stream().filter(r -> r.path().equals(path)).toList();
  }

  /** An answer with a body, a content type, and extra headers as name, value pairs (repeatable). */
  static Responder answer(int status, String contentType, String body, String... headers) {
    return exchange -> {
      Headers h = exchange.getResponseHeaders();
      if (contentType != null) {
        h.add("Content-Type", contentType);
      }
      for (int i = 0; i < headers.length; i += 2) {
        h.add(headers[i], headers[i + 1]);
      }
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    };
  }

  /** A 200 JSON answer with extra headers (e.g. {@code "Set-Cookie", "a=b"}). */
  static Responder json(String body, String... headers) {
    return answer(200, "application/json", body, headers);
  }

  /** The answers of a well-behaved server that is signed out, for the endpoints a sign-in needs. */
  ScriptedServer signedOutApi() {
    on("/api/auth/csrf", json("{\"csrfToken\":\"token-1\"}", "Set-Cookie", "authjs.csrf-token=token-1%7Chash; Path=/; HttpOnly"));
    on("/api/auth/providers", json("{\"credentials\":{\"id\":\"credentials\",\"name\":\"Credentials\",\"type\":\"credentials\","
        + "\"signinUrl\":\"" + baseUrl() + "/signin/credentials\",\"callbackUrl\":\"" + baseUrl() + "/callback/credentials\"}}"));
    on("/api/auth/session", json("null"));
    return this;
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String path = exchange.getRequestURI().getRawPath();
    received.add(new Received(exchange.getRequestMethod(), path, exchange.getRequestURI().getRawQuery(),
        exchange.getRequestHeaders().getFirst("Cookie"), Map.copyOf(exchange.getRequestHeaders()), body));
    Responder responder = script.getOrDefault(path, answer(404, "text/plain", "not scripted: " + path));
    try {
      responder.respond(exchange);
    } finally {
      exchange.close();
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
