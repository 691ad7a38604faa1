package dev.authjvm.core;

import dev.authjvm.core.action.AuthEngine;
import dev.authjvm.core.config.AuthConfig;
import dev.authjvm.core.http.AuthRequest;
import dev.authjvm.core.http.AuthResponse;
import dev.authjvm.core.session.Session;
import java.util.Map;
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
    Optional<String> signIn = engine.signInUrl(request, currentUrl(request));
    if (wantsHtml && request.method().equals("GET") && signIn.isPresent()) {
      return new SessionAccess.Denied(AuthResponse.redirect(signIn.get()));
    }
    return new SessionAccess.Denied(AuthResponse.json(401, Map.of("error", "SessionRequired",
        "message", "Sign in to access this resource")));
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
