package dev.authjvm.providers.oauth.e2e;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A token endpoint that answers whatever ID token the test hands it: a man in the middle, or a
 * compromised endpoint. The real server cannot be made to sign badly, so the tests that forge
 * signatures ({@code alg: none}, a tampered payload) send the code here instead.
 */
final class RogueTokenEndpoint implements AutoCloseable {
  private final HttpServer server;
  private final AtomicReference<String> idToken = new AtomicReference<>();

  RogueTokenEndpoint() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/token", exchange -> {
      exchange.getRequestBody().readAllBytes();
      byte[] body = ("{\"access_token\":\"rogue-access-token\",\"token_type\":\"Bearer\",\"expires_in\":3600,"
          + "\"id_token\":\"" + idToken.get() + "\"}").getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/token";
  }

  /** The ID token of the next answer. */
  void answer(String token) {
    idToken.set(token);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
