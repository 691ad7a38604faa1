package dev.authjvm.client;

import dev.authjvm.client.AuthClientException.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Requests to the API under the base URL, with the client's cookies. Redirects are never followed
 * blindly: a GET follows a few on the same origin (a framework adding a trailing slash), a redirect to
 * another origin or in answer to a POST is an error, since the protocol answers those with JSON.
 */
final class AuthHttp {
  /** No answer of the protocol comes near this; a larger one is not the Auth.js API. */
  static final int MAX_BODY_BYTES = 1 << 20;
  private static final int MAX_REDIRECTS = 5;

  private final HttpClient http;
  private final URI base;
  private final AuthProtocol protocol;
  private final CookieJar jar;
  private final Duration timeout;

  AuthHttp(HttpClient http, URI base, AuthProtocol protocol, CookieJar jar, Duration timeout) {
    this.http = http;
    this.base = base;
    this.protocol = protocol;
    this.jar = jar;
    this.timeout = timeout;
  }

  /** A response to {@code method} on {@code uri}. */
  record Answer(String method, URI uri, int status, HttpHeaders headers, String body) {
    /** The request for messages, e.g. {@code GET http://localhost/api/auth/session}. */
    String request() {
      return method + " " + uri;
    }

    boolean ok() {
      return status >= 200 && status < 300;
    }
  }

  Answer get(String action) {
    URI uri = url(action, Map.of());
    for (int hop = 0; ; hop++) {
      Answer answer = send(HttpRequest.newBuilder(uri).GET(), uri);
      URI target = redirectTarget(answer, uri);
      if (target == null) {
        return answer;
      }
      if (hop == MAX_REDIRECTS) {
        throw new AuthClientException(Problem.REDIRECT, "GET " + url(action, Map.of()) + " was redirected more than "
            + MAX_REDIRECTS + " times (last to " + target + ")");
      }
      uri = target;
    }
  }

  /** A form POST as the official client sends it, asking for JSON in this protocol's way. */
  Answer postForm(String action, Map<String, String> query, Map<String, String> form) {
    URI uri = url(action, query);
    HttpRequest.Builder request = HttpRequest.newBuilder(uri)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(encode(form)));
    if (protocol == AuthProtocol.V5) {
      request.header("X-Auth-Return-Redirect", "1");
    }
    return refuseRedirect(send(request, uri), uri);
  }

  Answer postJson(String action, String json) {
    URI uri = url(action, Map.of());
    return refuseRedirect(send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)), uri), uri);
  }

  /** The origin of the base URL, e.g. {@code https://example.com}. */
  String origin() {
    return base.getScheme() + "://" + base.getRawAuthority();
  }

  private URI url(String action, Map<String, String> query) {
    return URI.create(base + "/" + action + (query.isEmpty() ? "" : "?" + encode(query)));
  }

  private Answer send(HttpRequest.Builder request, URI uri) {
    request.timeout(timeout);
    jar.header(uri).ifPresent(cookie -> request.header("Cookie", cookie));
    HttpRequest built = request.build();
    String what = built.method() + " " + uri;
    HttpResponse<InputStream> response;
    try {
      response = http.send(built, HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      throw new AuthClientException(Problem.IO, what + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AuthClientException(Problem.IO, what + " was interrupted", e);
    }
    byte[] body;
    try (InputStream in = response.body()) {
      body = in.readNBytes(MAX_BODY_BYTES + 1);
    } catch (IOException e) {
      throw new AuthClientException(Problem.IO, what + ": reading the answer failed: " + e, e);
    }
    if (body.length > MAX_BODY_BYTES) {
      throw new AuthClientException(Problem.TOO_LARGE, what + " answered a body over " + MAX_BODY_BYTES
          + " bytes; no Auth.js endpoint answers that much (is the base URL the Auth.js API?)");
    }
    jar.store(uri, response.headers().allValues("Set-Cookie"));
    return new Answer(built.method(), uri, response.statusCode(), response.headers(), new String(body, StandardCharsets.UTF_8));
  }

  /** The same-origin target of a redirect, {@code null} for any other answer; another origin is an error. */
  private URI redirectTarget(Answer answer, URI from) {
    if (answer.status() < 300 || answer.status() > 399) {
      return null;
    }
    String location = answer.headers().firstValue("Location").orElse(null);
    if (location == null) {
      return null;
    }
    URI target = from.resolve(location);
    String targetOrigin = target.getScheme() + "://" + target.getRawAuthority();
    if (!targetOrigin.equalsIgnoreCase(origin())) {
      throw new AuthClientException(Problem.REDIRECT, answer.request() + " was redirected to another origin: "
          + target + ". The client talks only to " + origin() + " and does not send its cookies elsewhere"
          + " (check the base URL: scheme, host and port as the server's AUTH_URL has them)");
    }
    return target;
  }

  /** The JSON modes answer with {@code {url}}; a redirect means the server did not take the request as one. */
  private Answer refuseRedirect(Answer answer, URI uri) {
    if (redirectTarget(answer, uri) != null) {
      String mode = protocol == AuthProtocol.V5
          ? "the X-Auth-Return-Redirect header of protocol V5 (a NextAuth.js v4 server needs AuthProtocol.V4)"
          : "json=true of protocol V4 (an Auth.js v5 server needs AuthProtocol.V5)";
      throw new AuthClientException(Problem.REDIRECT, answer.request() + " answered a redirect to "
          + answer.headers().firstValue("Location").orElse("") + " instead of JSON: the server ignored " + mode);
    }
    return answer;
  }

  private static String encode(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
            + URLEncoder.encode(e.getValue() == null ? "" : e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}
