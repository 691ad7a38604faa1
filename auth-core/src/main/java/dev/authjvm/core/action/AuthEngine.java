package dev.authjvm.core.action;

import dev.authjvm.core.config.AuthConfig;
import dev.authjvm.core.config.ProtocolVersion;
import dev.authjvm.core.config.SessionStrategy;
import dev.authjvm.core.cookie.CookieNames;
import dev.authjvm.core.error.AuthError;
import dev.authjvm.core.error.ErrorType;
import dev.authjvm.core.http.AuthRequest;
import dev.authjvm.core.http.AuthResponse;
import dev.authjvm.core.http.UriComponent;
import dev.authjvm.core.jwt.JweFormat;
import dev.authjvm.core.jwt.JwtCodec;
import dev.authjvm.core.log.LogSafe;
import dev.authjvm.core.pages.PageRenderer;
import dev.authjvm.core.session.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The router: one explicit table from (method, action) to an action, and the conversion of what
 * the action decided into a response of the configured generation. Internal; use {@code Auth}.
 */
public final class AuthEngine {
  private static final Logger LOG = LoggerFactory.getLogger(AuthEngine.class);
  private static final String CONFIG_MESSAGE =
      "There was a problem with the server configuration. Check the server logs for more information.";

  private final AuthConfig config;
  private final CookieNames plainNames;
  private final CookieNames secureNames;
  private final List<String> tokenSecrets;
  private final OriginResolver originResolver;
  private final PageRenderer pages;
  private final SessionKeeper sessions;
  private final SessionAction sessionAction;
  private final SignInAction signInAction;
  private final CallbackAction callbackAction;
  private final SignOutAction signOutAction;
  private final PageActions pageActions;
  private final FailureLog failures;
  private final SecurityHeaderPolicy securityHeaders;

  public AuthEngine(AuthConfig config) {
    this.config = config;
    this.plainNames = CookieNames.of(config.protocol(), false);
    this.secureNames = CookieNames.of(config.protocol(), true);
    this.tokenSecrets = tokenSecrets(config.secrets());
    this.originResolver = new OriginResolver(config);
    this.pages = new PageRenderer(config);
    JwtCodec codec = codec(config, plainNames, secureNames);
    this.sessions = config.sessionStrategy() == SessionStrategy.DATABASE
        ? new DatabaseSessions(config, config.store().orElseThrow())
        : new JwtSessions(config, codec);
    this.sessionAction = new SessionAction(sessions);
    this.signInAction = new SignInAction(codec);
    this.callbackAction = new CallbackAction(sessions, codec);
    this.signOutAction = new SignOutAction(sessions);
    this.pageActions = new PageActions(pages);
    this.failures = new FailureLog(LOG, config.clock());
    this.securityHeaders = new SecurityHeaderPolicy(config.securityHeaders());
  }

  public AuthConfig config() {
    return config;
  }

  /** One codec for session and check cookies; the keys of every cookie name are derived here, once. */
  private static JwtCodec codec(AuthConfig config, CookieNames plain, CookieNames secure) {
    boolean v5 = config.protocol() == ProtocolVersion.V5;
    List<String> salts = new ArrayList<>();
    for (CookieNames n : List.of(plain, secure)) {
      salts.addAll(List.of(n.state(), n.nonce(), n.pkceCodeVerifier()));
      if (v5) {
        salts.add(n.sessionToken());
      }
    }
    if (!v5) {
      salts.add("");
    }
    return new JwtCodec(config.secrets(), v5 ? JweFormat.V5 : JweFormat.V4, config.clock(), salts);
  }

  CookieNames cookieNames(boolean secure) {
    return secure ? secureNames : plainNames;
  }

  /**
   * The secrets that CSRF cookies and email tokens are hashed with, newest first: the newest mints,
   * each one verifies (so adding or removing a secret keeps pending tokens valid while their secret is
   * listed), and so does all of them joined by commas, which is what @auth/core hashes with when it has
   * several secrets.
   */
  List<String> tokenSecrets() {
    return tokenSecrets;
  }

  private static List<String> tokenSecrets(List<String> secrets) {
    List<String> all = new ArrayList<>(secrets);
    if (secrets.size() > 1) {
      all.add(String.join(",", secrets));
    }
    return List.copyOf(all);
  }

  PageRenderer pages() {
    return pages;
  }

  /** Answers one request; never throws for anything the request contains. */
  public AuthResponse handle(AuthRequest request) {
    return securityHeaders.apply(route(request));
  }

  private AuthResponse route(AuthRequest request) {
    OriginResolver.Resolution resolution = originResolver.resolve(request);
    if (resolution instanceof OriginResolver.Resolution.Malformed) {
      return AuthResponse.json(400, Map.of("error", "BadRequest", "message", "Malformed Host header"));
    }
    if (resolution instanceof OriginResolver.Resolution.Untrusted untrusted) {
      return untrustedHost(untrusted.host());
    }
    String origin = ((OriginResolver.Resolution.Trusted) resolution).origin();
    Optional<Route> route = Route.parse(request, config.basePath());
    if (route.isEmpty()) {
      return badRequest(request);
    }
    boolean head = request.method().equals("HEAD");
    ActionContext ctx = new ActionContext(this, request, origin);
    AuthResponse response = dispatch(route.get(), head ? "GET" : request.method(), ctx);
    return head ? response.withoutBody() : response;
  }

  /**
   * A host no setting trusts: every link, redirect and form action would be built on it, so nothing is
   * answered (an emailed link to the attacker's host would hand over the victim's account).
   */
  static AuthResponse untrustedHost(String host) {
    LOG.warn("[auth][UntrustedHost] refused a request for host {}: set AUTH_URL, or AUTH_TRUST_HOST behind a proxy, "
        + "or list the host in AUTH_ALLOWED_HOSTS", LogSafe.text(host));
    return AuthResponse.json(400, Map.of("error", "UntrustedHost", "message",
        "Host must be trusted: set AUTH_URL, AUTH_TRUST_HOST or AUTH_ALLOWED_HOSTS on the server."));
  }

  private AuthResponse dispatch(Route route, String method, ActionContext ctx) {
    String action = route.action();
    boolean post = method.equals("POST");
    if (!method.equals("GET") && !post) {
      return methodNotAllowed(action);
    }
    if (action.equals("providers")) {
      return post ? methodNotAllowed(action) : ProvidersAction.list(ctx);
    }
    if (action.equals("_log")) {
      // Auth.js v5 has no /_log, but v3/v4 clients post there; accepting it lets one server serve them all.
      return post ? LogAction.accept(ctx) : methodNotAllowed(action);
    }
    try {
      // GET /session hands out no CSRF token, so unlike Auth.js it mints none: a page's first
      // GET /session and a sign-in's GET /csrf leave together before any cookie exists, and when the
      // session answer lands second its fresh CSRF cookie would replace the one the sign-in is about
      // to submit, failing it with MissingCSRF (seen with the real clients in the browser tests).
      ctx.init(post || !action.equals("session"));
      Outcome outcome = switch (action) {
        case "csrf" -> post ? null : pageActions.csrf(ctx);
        case "session" -> post ? sessionAction.update(ctx) : sessionAction.get(ctx);
        case "signin" -> post ? signInAction.start(ctx, route.providerId()) : pageActions.signIn(ctx);
        case "callback" -> callbackAction.handle(ctx, route.providerId(), post);
        case "signout" -> post ? signOutAction.signOut(ctx) : pageActions.signOut(ctx);
        case "error" -> post ? null : pageActions.error(ctx);
        case "verify-request" -> post ? null : pageActions.verifyRequest(ctx);
        default -> throw new IllegalStateException("unrouted action " + action);
      };
      if (outcome == null) {
        return methodNotAllowed(action);
      }
      return finish(outcome, ctx);
    } catch (RuntimeException e) {
      return serverError(action, ctx, e);
    }
  }

  /** Applies JSON mode to redirects and error redirects, and attaches the cookies. */
  private AuthResponse finish(Outcome outcome, ActionContext ctx) {
    AuthResponse response;
    if (outcome instanceof Outcome.Respond r) {
      response = r.response();
    } else if (outcome instanceof Outcome.Redirect r) {
      response = redirect(r, ctx);
    } else if (outcome instanceof Outcome.RateLimited limited) {
      logFailure(limited.error());
      response = redirect(ErrorRedirects.toRedirect(limited.error(), ctx), ctx);
      if (ctx.returnRedirectHeader() || ctx.jsonField()) {
        response = response.withStatus(429);
      }
      response = response.withHeader("Retry-After", String.valueOf(Math.max(1, limited.retryAfter().toSeconds())));
    } else {
      AuthError error = ((Outcome.Failure) outcome).error();
      logFailure(error);
      response = redirect(ErrorRedirects.toRedirect(error, ctx), ctx);
    }
    return response.withCookies(ctx.outgoingCookies(true));
  }

  private static AuthResponse redirect(Outcome.Redirect r, ActionContext ctx) {
    if (ctx.returnRedirectHeader()) {
      return AuthResponse.json(200, Map.of("url", r.url()));
    }
    if (ctx.jsonField()) {
      return AuthResponse.json(r.jsonStatus(), Map.of("url", r.url()));
    }
    return AuthResponse.redirect(r.url());
  }

  /**
   * An exception from a callback, a store or a provider: logged once with its cause (repeats are
   * counted), answered as the generation's Configuration error. The body never carries the exception.
   */
  private AuthResponse serverError(String action, ActionContext ctx, RuntimeException e) {
    failures.failed(action, e);
    if (action.equals("session") || action.equals("csrf")) {
      return AuthResponse.json(500, Map.of("message", CONFIG_MESSAGE)).withCookies(ctx.outgoingCookies(false));
    }
    if (ctx.request.method().equals("GET") || ctx.request.method().equals("HEAD")) {
      return pages.error(ErrorType.CONFIGURATION.v5Code(), ctx.baseUrl, ctx.origin);
    }
    return redirect(ErrorRedirects.toRedirect(AuthError.of(ErrorType.CONFIGURATION), ctx), ctx);
  }

  private static void logFailure(AuthError error) {
    if (error.logMessage() != null) {
      // Messages quote what the client sent (a provider id, a path): escaped, so they cannot forge lines.
      LOG.warn("[auth][{}] {}", error.type().v5Code(), LogSafe.text(error.logMessage(), 1000));
    }
  }

  private AuthResponse badRequest(AuthRequest request) {
    if (config.protocol() == ProtocolVersion.V5) {
      return AuthResponse.json(400, "Bad request.");
    }
    return AuthResponse.text(400, "Error: This action with HTTP " + request.method() + " is not supported by NextAuth.js");
  }

  private static AuthResponse methodNotAllowed(String action) {
    String allow = switch (action) {
      case "session", "signin", "callback", "signout" -> "GET, HEAD, POST";
      case "_log" -> "POST";
      default -> "GET, HEAD";
    };
    return AuthResponse.json(405, Map.of("error", "MethodNotAllowed", "message",
        "The " + action + " action accepts " + allow)).withHeader("Allow", allow);
  }

  /**
   * The session of a request, read-only: what {@code auth()} gives on the server. It emits no URL, so
   * a host that is not trusted may still read its session.
   */
  public Optional<Session> readSession(AuthRequest request) {
    OriginResolver.Resolution resolution = originResolver.resolve(request);
    String origin = resolution instanceof OriginResolver.Resolution.Trusted t ? t.origin()
        : resolution instanceof OriginResolver.Resolution.Untrusted u ? u.origin() : null;
    return origin == null ? Optional.empty() : sessions.read(new ActionContext(this, request, origin));
  }

  /**
   * Where to send a request that needs a session: the sign-in URL that brings the user back to
   * {@code returnTo}, or the refusal of a host that is not trusted. For the session guards of adapters.
   */
  public AuthResponse signInRedirect(AuthRequest request, String returnTo) {
    OriginResolver.Resolution resolution = originResolver.resolve(request);
    if (resolution instanceof OriginResolver.Resolution.Untrusted u) {
      return securityHeaders.apply(untrustedHost(u.host()));
    }
    if (!(resolution instanceof OriginResolver.Resolution.Trusted trusted)) {
      return securityHeaders.apply(AuthResponse.json(400, Map.of("error", "BadRequest", "message", "Malformed Host header")));
    }
    String o = trusted.origin();
    String page = config.pages().signIn();
    String base = page != null ? (page.startsWith("/") ? o + page : page) : o + config.basePath() + "/signin";
    return securityHeaders.apply(AuthResponse.redirect(
        base + (base.contains("?") ? "&" : "?") + UriComponent.formatQuery(Map.of("callbackUrl", returnTo))));
  }

  /** 413 for a body over the limit, declared or read. */
  public AuthResponse bodyTooLarge() {
    return securityHeaders.apply(AuthResponse.json(413, Map.of("error", "PayloadTooLarge",
        "message", "The request body is larger than " + AuthRequest.MAX_BODY_BYTES + " bytes")));
  }

  /** 400 for a body the server could not read: a client that broke off, a malformed chunked body. */
  public AuthResponse bodyUnreadable(Exception cause) {
    LOG.debug("[auth][BadRequest] the request body could not be read: {}", LogSafe.text(cause.toString()));
    return securityHeaders.apply(AuthResponse.json(400, Map.of("error", "BadRequest",
        "message", "The request body could not be read")));
  }

  /** The 401 that API calls without a session get from the session guards. */
  public AuthResponse sessionRequired() {
    return securityHeaders.apply(AuthResponse.json(401, Map.of("error", "SessionRequired",
        "message", "Sign in to access this resource")));
  }

  static AuthResponse noSession(ActionContext ctx, int status) {
    Object body = ctx.protocol() == ProtocolVersion.V5 ? null : Map.of();
    return AuthResponse.json(status, body);
  }

  static AuthResponse noCache(AuthResponse r) {
    return r.withHeader("Cache-Control", "private, no-cache, no-store").withHeader("Pragma", "no-cache")
        .withHeader("Expires", "0");
  }
}
