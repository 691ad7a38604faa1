package dev.authjvm.oidc.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

/**
 * A UserInfo endpoint in front of a provider's real one that answers the real claims with another
 * {@code sub}: what a client must refuse (OIDC Core 5.3.4), since a provider that lies about the subject
 * cannot be had. Point the client's UserInfo endpoint at {@link #url()}. The real endpoint is found
 * through the issuer's discovery document at the first request, so the provider may start later.
 */
public final class ImpostorUserinfo implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private final String issuer;
  private volatile URI realEndpoint;
  private final String subject;
  private final HttpServer server;

  /** Answers what the UserInfo endpoint of {@code issuer} answers, with {@code sub} replaced by {@code subject}. */
  public ImpostorUserinfo(String issuer, String subject) {
    this.issuer = issuer.replaceAll("/$", "");
    this.subject = subject;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/userinfo", this::answer);
    server.start();
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/userinfo";
  }

  private void answer(HttpExchange exchange) throws IOException {
    try {
      HttpRequest.Builder forward = HttpRequest.newBuilder(realEndpoint()).header("Accept", "application/json");
      String authorization = exchange.getRequestHeaders().getFirst("Authorization");
      if (authorization != null) {
        forward.header("Authorization", authorization);
      }
      HttpResponse<String> real = http.send(forward.build(), HttpResponse.BodyHandlers.ofString());
      byte[] body = real.body().getBytes(java.nio.charset.StandardCharsets.UTF_8);
      if (real.statusCode() == 200) {
        ObjectNode claims = (ObjectNode) JSON.readTree(real.body());
        claims.put("sub", subject);
        body = JSON.writeValueAsBytes(claims);
      }
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(real.statusCode(), body.length);
      exchange.getResponseBody().write(body);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      exchange.sendResponseHeaders(503, -1);
    } finally {
      exchange.close();
    }
  }

  private URI realEndpoint() throws IOException, InterruptedException {
    if (realEndpoint == null) {
      HttpResponse<String> discovery = http.send(HttpRequest.newBuilder(
          URI.create(issuer + "/.well-known/openid-configuration")).build(), HttpResponse.BodyHandlers.ofString());
      realEndpoint = URI.create(JSON.readTree(discovery.body()).path("userinfo_endpoint").asText());
    }
    return realEndpoint;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
