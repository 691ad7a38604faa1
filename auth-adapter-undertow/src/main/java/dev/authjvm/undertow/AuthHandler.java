package dev.authjvm.undertow;

import dev.authjvm.core.Auth;
import dev.authjvm.core.http.AuthRequest;
import dev.authjvm.core.http.AuthResponse;
import dev.authjvm.core.http.HttpHeaders;
import dev.authjvm.core.http.SetCookie;
import dev.authjvm.core.session.Session;
import io.undertow.Handlers;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.PathHandler;
import io.undertow.util.AttachmentKey;
import io.undertow.util.HeaderValues;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * The Auth.js REST API as an Undertow {@link HttpHandler}. Mount it at the base path, e.g. with
 * {@link #mount(Auth, HttpHandler)}. Requests that {@link Auth#mayBlock} says may block (stores and
 * identity providers do) are moved off the IO thread to a worker; the others are answered on it. It only
 * translates HTTP; every decision is made by {@link Auth}.
 */
public final class AuthHandler implements HttpHandler {
  private static final AttachmentKey<Optional<Session>> SESSION = AttachmentKey.create(Optional.class);
  private final Auth auth;

  public AuthHandler(Auth auth) {
    this.auth = auth;
  }

  /** A path handler that serves the API under the configured base path and everything else with {@code next}. */
  public static PathHandler mount(Auth auth, HttpHandler next) {
    return Handlers.path(next).addPrefixPath(auth.config().basePath(), new AuthHandler(auth));
  }

  /**
   * Wraps a handler so that only signed-in requests reach it; pages are sent to the sign-in page,
   * API calls get 401.
   */
  public static HttpHandler requireSession(Auth auth, HttpHandler next) {
    return exchange -> {
      if (exchange.isInIoThread()) {
        exchange.dispatch(requireSession(auth, next));
        return;
      }
      Auth.SessionAccess access = auth.requireSession(toAuthRequest(exchange, new byte[0]));
      if (access instanceof Auth.SessionAccess.Granted granted) {
        exchange.putAttachment(SESSION, Optional.of(granted.session()));
        next.handleRequest(exchange);
      } else {
        write(exchange, ((Auth.SessionAccess.Denied) access).response());
      }
    };
  }

  /** The session of the exchange (read once per exchange). */
  public static Optional<Session> session(Auth auth, HttpServerExchange exchange) {
    Optional<Session> cached = exchange.getAttachment(SESSION);
    if (cached == null) {
      cached = auth.session(toAuthRequest(exchange, new byte[0]));
      exchange.putAttachment(SESSION, cached);
    }
    return cached;
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws IOException {
    if (exchange.isInIoThread()) {
      // The core says which answers wait for nothing; those are given here, without a thread hand-off.
      if (!hasBody(exchange) && !auth.mayBlock(exchange.getRequestMethod().toString(), rawPath(exchange))) {
        write(exchange, auth.handle(toAuthRequest(exchange, new byte[0])));
        return;
      }
      exchange.dispatch(this);
      return;
    }
    if (!hasBody(exchange)) {
      // Nothing to read: the answer is written without switching the exchange to blocking streams.
      write(exchange, auth.handle(toAuthRequest(exchange, new byte[0])));
      return;
    }
    exchange.startBlocking();
    write(exchange, auth.handle(toAuthRequest(exchange, new byte[0]), exchange.getInputStream()));
  }

  /** A body is read by blocking, so a request that has one always goes to a worker. */
  private static boolean hasBody(HttpServerExchange exchange) {
    return exchange.getRequestHeaders().contains(Headers.TRANSFER_ENCODING) || exchange.getRequestContentLength() > 0;
  }

  static AuthRequest toAuthRequest(HttpServerExchange exchange, byte[] body) {
    HttpHeaders.Builder headers = HttpHeaders.builder();
    for (HeaderValues values : exchange.getRequestHeaders()) {
      for (String value : values) {
        headers.add(values.getHeaderName().toString(), value);
      }
    }
    String query = exchange.getQueryString();
    return new AuthRequest(exchange.getRequestMethod().toString(), exchange.getRequestScheme(), null,
        rawPath(exchange), query == null || query.isEmpty() ? null : query, headers.build(), body);
  }

  /** The path as sent, still encoded; the request line may carry an absolute URI. */
  private static String rawPath(HttpServerExchange exchange) {
    String uri = exchange.getRequestURI();
    if (uri.startsWith("http://") || uri.startsWith("https://")) {
      int slash = uri.indexOf('/', uri.indexOf("://") + 3);
      return slash < 0 ? "/" : uri.substring(slash);
    }
    return uri;
  }

  static void write(HttpServerExchange exchange, AuthResponse response) {
    exchange.setStatusCode(response.status());
    for (Map.Entry<String, String> h : response.headers().fields()) {
      exchange.getResponseHeaders().add(HttpString.tryFromString(h.getKey()), h.getValue());
    }
    for (SetCookie c : response.cookies()) {
      exchange.getResponseHeaders().add(Headers.SET_COOKIE, c.toHeaderValue());
    }
    exchange.getResponseHeaders().put(Headers.CONTENT_LENGTH, response.body().length);
    if (response.body().length > 0) {
      exchange.getResponseSender().send(java.nio.ByteBuffer.wrap(response.body()));
    } else {
      exchange.endExchange();
    }
  }
}
