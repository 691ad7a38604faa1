package dev.authjvm.core;

import dev.authjvm.core.config.AuthConfig;
import dev.authjvm.core.config.SessionStrategy;
import dev.authjvm.core.http.AuthRequest;
import dev.authjvm.core.http.AuthResponse;
import dev.authjvm.core.http.HttpHeaders;
import dev.authjvm.core.http.SetCookie;
import dev.authjvm.core.internal.cookie.CookieCodec;
import dev.authjvm.core.internal.endpoint.RouteTable;
import dev.authjvm.core.internal.flow.CredentialsSignIn;
import dev.authjvm.core.internal.flow.EmailLinkFlow;
import dev.authjvm.core.internal.flow.RedirectFlowSignIn;
import dev.authjvm.core.internal.flow.SignInCompletion;
import dev.authjvm.core.internal.flow.WebAuthnFlow;
import dev.authjvm.core.internal.codec.UriComponent;
import dev.authjvm.core.internal.pages.PageRenderer;
import dev.authjvm.core.internal.route.Problems;
import dev.authjvm.core.internal.route.RedirectTargets;
import dev.authjvm.core.internal.route.RequestContext;
import dev.authjvm.core.internal.route.Responses;
import dev.authjvm.core.internal.route.Route;
import dev.authjvm.core.internal.route.Router;
import dev.authjvm.core.internal.security.OriginResolver;
import dev.authjvm.core.internal.security.TokenSecrets;
import dev.authjvm.core.internal.session.ManagedSessions;
import dev.authjvm.core.internal.session.NewSession;
import dev.authjvm.core.internal.session.SessionManager;
import dev.authjvm.core.jwt.JwtCodec;
import dev.authjvm.core.session.Session;
import dev.authjvm.core.session.SessionManagement;
import dev.authjvm.core.user.Account;
import dev.authjvm.core.user.User;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Auth.js REST API as one function from request to response, plus the server-side session API.
 * Create one per configuration at start-up (keys are derived then), share it (it is thread-safe), and
 * close it when the application stops (it closes the store it made from the environment).
 *
 * <pre>{@code
 * Auth auth = Auth.create(AuthConfig.builder().provider(credentials).build());
 * AuthResponse response = auth.handle(request);
 * }</pre>
 */
public final class Auth implements AutoCloseable {
  private final AuthConfig config;
  private final Router router;
  private final SessionManager sessions;
  private final ManagedSessions managed;

  private Auth(AuthConfig config) {
    this.config = config;
    JwtCodec codec = CookieCodec.of(config);
    TokenSecrets secrets = TokenSecrets.of(config.secrets());
    RedirectTargets redirects = new RedirectTargets(config.callbacks().redirect());
    PageRenderer pages = new PageRenderer(config);
    this.sessions = SessionManager.of(config, codec);
    SignInCompletion completion = new SignInCompletion(config, sessions, redirects);
    this.managed = new ManagedSessions(config, sessions, this::sessionContext);
    List<Route> routes = RouteTable.of(config, sessions, managed, pages, new CredentialsSignIn(config, completion),
        new RedirectFlowSignIn(codec, completion), new EmailLinkFlow(config, secrets, redirects, pages, completion),
        new WebAuthnFlow(config, codec, sessions, completion));
    this.router = new Router(config, routes, secrets, redirects, new Responses(config), pages);
  }

  public static Auth create(AuthConfig config) {
    return new Auth(config);
  }

  public AuthConfig config() {
    return config;
  }

  /** Answers a request under the base path. Never throws for anything in the request. */
  public AuthResponse handle(AuthRequest request) {
    return router.handle(request);
  }

  /**
   * Whether answering a bodiless request with this method and path (as sent, still percent-encoded)
   * may block the calling thread on a store, an identity provider, the mail sender or application code
   * that may. For adapters whose server has IO threads that must never block (Undertow): they answer
   * requests for which this is {@code false} on the IO thread with {@link #handle(AuthRequest)}, and
   * move the others to a worker. Today the provider list and {@code GET /csrf} are pure computation;
   * for them, the redirect callback (run on a {@code callbackUrl}) must not block either.
   */
  public boolean mayBlock(String method, String path) {
    return router.mayBlock(method, path);
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
      return router.secured(Problems.bodyTooLarge());
    }
    byte[] bytes;
    try {
      bytes = body.readNBytes(AuthRequest.MAX_BODY_BYTES + 1);
    } catch (IOException | UncheckedIOException e) {
      return router.secured(Problems.bodyUnreadable(e));
    }
    if (bytes.length > AuthRequest.MAX_BODY_BYTES) {
      return router.secured(Problems.bodyTooLarge());
    }
    return router.handle(request.withBody(bytes));
  }

  /**
   * The session of a request, as {@code auth()} / {@code getServerSession()} give it, without
   * changing any cookie. Empty when signed out or the cookie is invalid or expired. It builds no URL,
   * so a host that is not trusted may still read its session.
   */
  public Optional<Session> session(AuthRequest request) {
    return sessionContext(request).flatMap(sessions::read);
  }

  /**
   * The user's sessions as a resource: list, revoke, update from the server. Needs a store that keeps
   * session records; see {@link SessionManagement#available()}.
   */
  public SessionManagement sessions() {
    return managed;
  }

  /** The request as the session endpoints see it; empty for a malformed host. */
  private Optional<RequestContext> sessionContext(AuthRequest request) {
    OriginResolver.Resolution resolution = router.origin(request);
    String origin = resolution instanceof OriginResolver.Resolution.Trusted t ? t.origin()
        : resolution instanceof OriginResolver.Resolution.Untrusted u ? u.origin() : null;
    return origin == null ? Optional.empty()
        : Optional.of(router.context(request, origin, "session", null, Route.Init.NONE));
  }

  /**
   * Grants access with the session, or denies with the response to send: a redirect to the sign-in
   * page that comes back to this URL for pages, 401 for API calls (requests that accept JSON but not
   * HTML), and 400 for a host that is not trusted (no sign-in URL is built on it).
   */
  public SessionAccess requireSession(AuthRequest request) {
    Optional<Session> session = session(request);
    if (session.isPresent()) {
      return new SessionAccess.Granted(session.get());
    }
    String accept = request.headers().first("Accept").orElse("");
    boolean wantsHtml = accept.isEmpty() || accept.contains("text/html") || accept.contains("*/*") && !accept.contains("json");
    if (!wantsHtml || !request.method().equals("GET")) {
      return new SessionAccess.Denied(router.secured(Problems.sessionRequired()));
    }
    OriginResolver.Resolution resolution = router.origin(request);
    if (resolution instanceof OriginResolver.Resolution.Untrusted u) {
      return new SessionAccess.Denied(router.secured(Problems.untrustedHost(u.host())));
    }
    if (!(resolution instanceof OriginResolver.Resolution.Trusted trusted)) {
      return new SessionAccess.Denied(router.secured(Problems.malformedHost()));
    }
    String page = config.pages().signIn();
    String base = page != null ? (page.startsWith("/") ? trusted.origin() + page : page)
        : trusted.origin() + config.basePath() + "/signin";
    // The path and query the user asked for, relative, so the redirect rule accepts it on any origin.
    String returnTo = request.path() + (request.query() == null ? "" : "?" + request.query());
    return new SessionAccess.Denied(router.secured(AuthResponse.redirect(
        base + (base.contains("?") ? "&" : "?") + UriComponent.formatQuery(Map.of("callbackUrl", returnTo)))));
  }

  /**
   * The cookies a sign-in of {@code user} would set, made without HTTP: for tests and tools that need a
   * signed-in browser. The {@code jwt} callback runs as for a credentials sign-in (when it refuses, the
   * cookies are deletions); with database sessions the user is stored if it is not yet, and the session
   * is created in the store.
   *
   * @param secure whether the cookies are for https ({@code __Secure-} names and the {@code Secure} attribute)
   */
  public List<SetCookie> mintSessionCookies(User user, boolean secure) {
    String scheme = secure ? "https" : "http";
    RequestContext ctx = router.context(new AuthRequest("GET", scheme, "localhost", config.basePath() + "/session", null,
        HttpHeaders.empty(), null), scheme + "://localhost", "callback", null, Route.Init.NONE);
    User stored = config.sessionStrategy() == SessionStrategy.DATABASE
        ? config.store().flatMap(s -> s.getUser(user.id())).orElseGet(() -> config.store().orElseThrow().createUser(user))
        : user;
    return sessions.start(ctx, new NewSession(stored, Account.of(stored.id(), "credentials", "credentials", stored.id()),
        Map.of(), false, null));
  }

  /** Closes what this {@code Auth} opened: the store, when it was made from the environment by a store jar. */
  @Override
  public void close() {
    if (config.storeDiscovered()) {
      config.store().ifPresent(s -> s.close());
    }
  }

  /** The result of {@link #requireSession}. */
  public sealed interface SessionAccess {
    record Granted(Session session) implements SessionAccess {}

    record Denied(AuthResponse response) implements SessionAccess {}
  }
}
