package dev.authjvm.core;

import dev.authjvm.core.action.AuthEngine;
import dev.authjvm.core.config.AuthConfig;
import dev.authjvm.core.http.AuthRequest;
import dev.authjvm.core.http.AuthResponse;
import dev.authjvm.core.session.Session;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * The Auth.js REST API as one function from request to response, plus the server-side session API.
 * Create one per configuration at start-up (keys are derived then) and share it: it is thread-safe.
 *
 * <pre>{@code
 * Auth auth = Auth.create(AuthConfig.builder().provider(credentials).build());
 * AuthResponse response = auth.handle(request);
 * }</pre>
 */
public final class Auth {
  private final AuthEngine engine;

  private Auth(AuthConfig config) {
    this.engine = new AuthEngine(config);
  }

  public static Auth create(AuthConfig config) {
    return new Auth(config);
  }

  public AuthConfig config() {
    return engine.config();
  }

  /** Answers a request under the base path. Never throws for anything in the request. */
  public AuthResponse handle(AuthRequest request) {
    return engine.handle(request);
  }

  /**
   * Answers a request whose body is still on the wire, for adapters: the body is read here, at most
   * {@link AuthRequest#MAX_BODY_BYTES}. A body declared or found larger is 413 (refused by its declared
   * length before anything is read), and one that cannot be read (the client broke off, or sent a
   * malformed chunked body) is 400, never a server error. The stream is not closed.
   *
   * @param request the request with an empty body; its {@code Content-Length} header, if any, is the declared length
   * @param body    the request body as the server exposes it
   */
  public AuthResponse handle(AuthRequest request, InputStream body) {
    if (request.declaredBodyLength() > AuthRequest.MAX_BODY_BYTES) {
      return engine.bodyTooLarge();
    }
    byte[] bytes;
    try {
      bytes = body.readNBytes(AuthRequest.MAX_BODY_BYTES + 1);
    } catch (IOException | UncheckedIOException e) {
      return engine.bodyUnreadable(e);
    }
    if (bytes.length > AuthRequest.MAX_BODY_BYTES) {
      return engine.bodyTooLarge();
    }
    return engine.handle(request.withBody(bytes));
  }

  /**
   * The session of a request, as {@code auth()} / {@code getServerSession()} give it, without
   * changing any cookie. Empty when signed out or the cookie is invalid or expired.
   */
  public Optional<Session> session(AuthRequest request) {
    return engine.readSession(request);
  }

  /**
   * Grants access with the session, or denies with the response to send: a redirect to the
   * sign-in page that comes back to this URL for pages, 401 for API calls (requests that accept JSON
   * but not HTML).
   */
  public SessionAccess requireSession(AuthRequest request) {
    Optional<Session> session = session(request);
    if (session.isPresent()) {
      return new SessionAccess.Granted(session.get());
    }
    String accept = request.headers().first("Accept").orElse("");
    boolean wantsHtml = accept.isEmpty() || accept.contains("text/html") || accept.contains("*/*") && !accept.contains("json");
    if (wantsHtml && request.method().equals("GET")) {
      return new SessionAccess.Denied(engine.signInRedirect(request, currentUrl(request)));
    }
    return new SessionAccess.Denied(engine.sessionRequired());
  }

  /** The path and query the user asked for, relative, so the redirect rule accepts it on any origin. */
  private static String currentUrl(AuthRequest request) {
    return request.path() + (request.query() == null ? "" : "?" + request.query());
  }

  /** The result of {@link #requireSession}. */
  public sealed interface SessionAccess {
    record Granted(Session session) implements SessionAccess {}

    record Denied(AuthResponse response) implements SessionAccess {}
  }
}
