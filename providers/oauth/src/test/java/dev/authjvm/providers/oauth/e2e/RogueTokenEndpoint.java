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
  private final AtomicReference<String> body = new AtomicReference<>();

  RogueTokenEndpoint() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/token", exchange -> {
      exchange.getRequestBody().readAllBytes();
      byte[] bytes = body.get().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, bytes.length);
      exchange.getResponseBody().write(bytes);
      exchange.close();
    });
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/token";
  }

  /** The next answer: a bearer token response with this ID token. */
  void answer(String idToken) {
    answer(idToken, "");
  }

  /** The next answer, with extra JSON members, e.g. {@code ,"scope":["a","b"]}. */
  void answer(String idToken, String extraMembers) {
    answerRaw("{\"access_token\":\"rogue-access-token\",\"token_type\":\"Bearer\",\"expires_in\":3600,"
        + "\"id_token\":\"" + idToken + "\"" + extraMembers + "}");
  }

  /** The next answer's body, verbatim (status 200). */
  void answerRaw(String json) {
    body.set(json);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
