package dev.authjvm.core.internal.route;

import dev.authjvm.core.config.AuthConfig;
import dev.authjvm.core.config.ProtocolVersion;
import dev.authjvm.core.error.ErrorType;
import dev.authjvm.core.http.AuthRequest;
import dev.authjvm.core.http.AuthResponse;
import dev.authjvm.core.http.SetCookie;
import dev.authjvm.core.internal.cookie.CookieFactory;
import dev.authjvm.core.internal.cookie.CookieNames;
import dev.authjvm.core.internal.http.RequestBody;
import dev.authjvm.core.internal.http.RequestCookies;
import dev.authjvm.core.internal.codec.UriComponent;
import dev.authjvm.core.internal.log.FailureLog;
import dev.authjvm.core.internal.pages.PageRenderer;
import dev.authjvm.core.internal.security.CsrfToken;
import dev.authjvm.core.internal.security.OriginResolver;
import dev.authjvm.core.internal.security.SecurityHeaderPolicy;
import dev.authjvm.core.internal.security.TokenSecrets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.LoggerFactory;

/**
 * The one way into the endpoints: decides the origin, finds the route in the table (405 with
 * {@code Allow}, and {@code HEAD} as {@code GET}, follow from the table), resolves the request, runs
 * the endpoint, and writes its outcome as the configured generation expects. Never throws for
 * anything a request contains.
 */
public final class Router {
  private static final String CONFIG_MESSAGE =
      "There was a problem with the server configuration. Check the server logs for more information.";

  private final AuthConfig config;
  /** The table's rows by action, in table order. */
  private final Map<String, List<Route>> rowsByAction;
  private final OriginResolver origins;
  private final TokenSecrets secrets;
  private final RedirectTargets redirects;
  private final Responses responses;
  private final PageRenderer pages;
  private final SecurityHeaderPolicy securityHeaders;
  private final FailureLog failures;
  private final CookieNames plainNames;
  private final CookieNames secureNames;

  public Router(AuthConfig config, List<Route> routes, TokenSecrets secrets, RedirectTargets redirects, Responses responses,
                PageRenderer pages) {
    this.config = config;
    Map<String, List<Route>> byAction = new HashMap<>();
    for (Route r : routes) {
      byAction.computeIfAbsent(r.action(), a -> new ArrayList<>()).add(r);
    }
    byAction.replaceAll((action, rows) -> List.copyOf(rows));
    this.rowsByAction = Map.copyOf(byAction);
    this.origins = new OriginResolver(config);
    this.secrets = secrets;
    this.redirects = redirects;
    this.responses = responses;
    this.pages = pages;
    this.securityHeaders = new SecurityHeaderPolicy(config.securityHeaders());
    this.failures = new FailureLog(LoggerFactory.getLogger("dev.authjvm.core"), config.clock());
    this.plainNames = CookieNames.of(config.protocol(), false);
    this.secureNames = CookieNames.of(config.protocol(), true);
  }

  /** Answers one request under the base path. */
  public AuthResponse handle(AuthRequest request) {
    return securityHeaders.apply(route(request));
  }

  private AuthResponse route(AuthRequest request) {
    OriginResolver.Resolution resolution = origins.resolve(request);
    if (resolution instanceof OriginResolver.Resolution.Malformed) {
      return Problems.malformedHost();
    }
    if (resolution instanceof OriginResolver.Resolution.Untrusted untrusted) {
      return Problems.untrustedHost(untrusted.host());
    }
    Optional<List<String>> segments = segments(request.path());
    List<Route> rows = segments.map(this::rowsFor).orElse(List.of());
    if (rows.isEmpty()) {
      return badRequest(request);
    }
    boolean head = request.method().equals("HEAD");
    String method = head ? "GET" : request.method();
    Optional<Route> route = rows.stream().filter(r -> r.method().equals(method)).findFirst();
    if (route.isEmpty()) {
      return methodNotAllowed(rows);
    }
    String provider = segments.get().size() == 2 && route.get().takesProvider() ? segments.get().get(1) : null;
    // The v4 client can post to "/signin/undefined"; Auth.js reads that as no provider.
    RequestContext ctx = context(request, ((OriginResolver.Resolution.Trusted) resolution).origin(),
        route.get().action(), "undefined".equals(provider) ? null : provider, route.get().init());
    AuthResponse response;
    try {
      Outcome outcome = route.get().endpoint().handle(ctx).withCookiesBefore(ctx.initCookies());
      observeFailedSignIn(ctx, outcome);
      response = responses.finish(outcome, ctx);
    } catch (RuntimeException e) {
      response = serverError(route.get().action(), ctx, e);
    }
    return head ? response.withoutBody() : response;
  }

  /**
   * Whether answering this method and path may block: what its route says, and {@code false} for a
   * path or method no route answers (a 400 or 405 waits for nothing).
   */
  public boolean mayBlock(String method, String path) {
    String m = method.equals("HEAD") ? "GET" : method;
    return segments(path).map(this::rowsFor).orElse(List.of()).stream()
        .filter(r -> r.method().equals(m)).findFirst().map(Route::mayBlock).orElse(false);
  }

  /** The decoded segments after the base path, one or two of them; empty for anything else. */
  private Optional<List<String>> segments(String path) {
    String base = config.basePath();
    if (!path.startsWith(base + "/")) {
      return Optional.empty();
    }
    List<String> segments = new ArrayList<>(2);
    for (String s : path.substring(base.length() + 1).split("/")) {
      if (!s.isEmpty()) {
        segments.add(UriComponent.decode(s, false));
      }
    }
    return segments.isEmpty() || segments.size() > 2 ? Optional.empty() : Optional.of(segments);
  }

  /** The rows a path names: an action of two segments, else an action that the second segment is the provider of. */
  private List<Route> rowsFor(List<String> segments) {
    if (segments.size() == 1) {
      // "sessions%2Frevoke" is one segment, not the two-segment action.
      return segments.get(0).contains("/") ? List.of() : rowsOf(segments.get(0));
    }
    List<Route> exact = rowsOf(segments.get(0) + "/" + segments.get(1));
    if (!exact.isEmpty()) {
      return exact;
    }
    List<Route> withProvider = rowsOf(segments.get(0));
    return !withProvider.isEmpty() && withProvider.get(0).takesProvider() ? withProvider : List.of();
  }

  private List<Route> rowsOf(String action) {
    return rowsByAction.getOrDefault(action, List.of());
  }

  /** The request as the endpoints see it, with the CSRF token and callback URL resolved as {@code init} says. */
  public RequestContext context(AuthRequest request, String origin, String action, String providerId, Route.Init init) {
    boolean secure = config.useSecureCookies().orElse(origin.startsWith("https://"));
    CookieNames names = secure ? secureNames : plainNames;
    CookieFactory cookieFactory = new CookieFactory(secure);
    Map<String, String> cookies = RequestCookies.parse(request.headers());
    Map<String, String> query = UriComponent.parseQuery(request.query());
    RequestBody body = "POST".equals(request.method()) ? RequestBody.parse(request.headers(), request.body()) : RequestBody.EMPTY;
    CsrfToken csrf = null;
    boolean csrfVerified = false;
    String callbackUrl = null;
    List<SetCookie> initCookies = new ArrayList<>(2);
    if (init != Route.Init.NONE) {
      boolean post = "POST".equals(request.method());
      // Only a POST is checked against the token, and only MINT routes show it: a GET that reads skips the hash.
      if (post || init == Route.Init.MINT) {
        csrf = CsrfToken.fromCookie(cookies.get(names.csrfToken()), secrets.verifying()).orElse(null);
      }
      if (csrf == null && init == Route.Init.MINT) {
        csrf = CsrfToken.mint(secrets.newest());
        initCookies.add(cookieFactory.browserSession(names.csrfToken(), csrf.cookieValue()));
      } else if (csrf != null) {
        csrfVerified = post && csrf.matches(body.field("csrfToken"));
      }
      // As Auth.js: body, then query, then cookie, then the origin.
      String requested = body.field("callbackUrl") != null ? body.field("callbackUrl") : query.get("callbackUrl");
      String fromCookie = cookies.get(names.callbackUrl());
      callbackUrl = requested != null ? redirects.resolve(requested, origin)
          : fromCookie != null ? redirects.resolve(fromCookie, origin) : origin;
      if (!callbackUrl.equals(fromCookie)) {
        initCookies.add(cookieFactory.browserSession(names.callbackUrl(), callbackUrl));
      }
    }
    return new RequestContext(request, action, providerId, origin, origin + config.basePath(), secure, config.protocol(), names,
        cookieFactory, cookies, query, body, config.clock().instant(), csrf, csrfVerified, callbackUrl,
        List.copyOf(initCookies));
  }

  /**
   * A sign-in start or callback that fails is a failed sign-in; successes are told where the session starts.
   * Only configured providers are reported, so that a client cannot invent observed values.
   */
  private void observeFailedSignIn(RequestContext ctx, Outcome outcome) {
    boolean signInStep = ctx.action().equals("callback") || ctx.action().equals("signin") && ctx.isPost();
    if (!signInStep || ctx.providerId() == null || config.provider(ctx.providerId()).isEmpty()) {
      return;
    }
    if (outcome instanceof Outcome.Failure f) {
      config.observer().signIn(ctx.providerId(), f.error().code() != null ? f.error().code() : f.error().type().v5Code());
    } else if (outcome instanceof Outcome.RateLimited) {
      config.observer().signIn(ctx.providerId(), Responses.RATE_LIMITED);
    }
  }

  /** The origin a request's URLs are built on, or the response that refuses its host. */
  public OriginResolver.Resolution origin(AuthRequest request) {
    return origins.resolve(request);
  }

  /** Adds the security headers to an answer made outside the routes (the session guards, body limits). */
  public AuthResponse secured(AuthResponse response) {
    return securityHeaders.apply(response);
  }

  /**
   * An exception from a callback, a store or a provider: logged once with its cause (repeats are
   * counted), answered as the generation's Configuration error. The body never carries the exception.
   */
  private AuthResponse serverError(String action, RequestContext ctx, RuntimeException e) {
    failures.failed(action, e);
    if (action.equals("session") || action.equals("csrf")) {
      return AuthResponse.json(500, Map.of("message", CONFIG_MESSAGE));
    }
    if (!ctx.isPost()) {
      return pages.error(ErrorType.CONFIGURATION.v5Code(), ctx.baseUrl(), ctx.origin());
    }
    return responses.redirect(responses.errorRedirect(dev.authjvm.core.error.AuthError.of(ErrorType.CONFIGURATION), ctx),
        ctx);
  }

  private AuthResponse badRequest(AuthRequest request) {
    if (config.protocol() == ProtocolVersion.V5) {
      return AuthResponse.json(400, "Bad request.");
    }
    return AuthResponse.text(400, "Error: This action with HTTP " + request.method() + " is not supported by NextAuth.js");
  }

  private static AuthResponse methodNotAllowed(List<Route> rows) {
    List<String> methods = new ArrayList<>();
    for (Route r : rows) {
      methods.add(r.method());
      if (r.method().equals("GET")) {
        methods.add("HEAD");
      }
    }
    methods.sort(String::compareTo);
    String allow = String.join(", ", methods);
    return AuthResponse.json(405, Map.of("error", "MethodNotAllowed", "message",
        "The " + rows.get(0).action() + " action accepts " + allow)).withHeader("Allow", allow);
  }
}
