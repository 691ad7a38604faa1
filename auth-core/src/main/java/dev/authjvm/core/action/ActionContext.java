package dev.authjvm.core.action;

import dev.authjvm.core.config.AuthConfig;
import dev.authjvm.core.config.ProtocolVersion;
import dev.authjvm.core.cookie.CookieFactory;
import dev.authjvm.core.cookie.CookieNames;
import dev.authjvm.core.csrf.CsrfToken;
import dev.authjvm.core.http.AuthRequest;
import dev.authjvm.core.http.RequestBody;
import dev.authjvm.core.http.RequestCookies;
import dev.authjvm.core.http.SetCookie;
import dev.authjvm.core.http.UriComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One request on its way through the core: what was parsed from it, the URLs it resolves to, and
 * the cookies the answer will set. Confined to one thread.
 */
final class ActionContext {
  /** Longer callback URLs are not followed; browsers and proxies agree on about 2 KB for a URL. */
  static final int MAX_CALLBACK_URL_LENGTH = 2048;
  final AuthEngine engine;
  final AuthConfig config;
  final AuthRequest request;
  final String origin;
  final String baseUrl;
  final boolean secure;
  final CookieNames names;
  final CookieFactory cookieFactory;
  final Map<String, String> cookies;
  final Map<String, String> query;
  final RequestBody body;
  final Instant now;
  private final List<SetCookie> initCookies = new ArrayList<>(2);
  private final List<SetCookie> actionCookies = new ArrayList<>(2);
  private CsrfToken csrf;
  private boolean csrfVerified;
  private String callbackUrl;

  ActionContext(AuthEngine engine, AuthRequest request, String origin) {
    this.engine = engine;
    this.config = engine.config();
    this.request = request;
    this.origin = origin;
    this.baseUrl = origin + config.basePath();
    this.secure = config.useSecureCookies().orElse(origin.startsWith("https://"));
    this.names = engine.cookieNames(secure);
    this.cookieFactory = new CookieFactory(secure);
    this.cookies = RequestCookies.parse(request.headers());
    this.query = UriComponent.parseQuery(request.query());
    this.body = "POST".equals(request.method()) ? RequestBody.parse(request.headers(), request.body()) : RequestBody.EMPTY;
    this.now = config.clock().instant();
  }

  /**
   * What Auth.js's {@code init} does for most actions: trust or mint the CSRF cookie, and resolve
   * the callback URL (body, then query, then cookie, then origin) through the redirect callback.
   * Without {@code mintCsrf} a missing CSRF cookie stays missing, for answers that hand out no token.
   */
  void init(boolean mintCsrf) {
    csrf = CsrfToken.fromCookie(cookies.get(names.csrfToken()), engine.tokenSecrets()).orElse(null);
    if (csrf == null && mintCsrf) {
      csrf = CsrfToken.mint(engine.tokenSecrets().get(0));
      initCookies.add(cookieFactory.browserSession(names.csrfToken(), csrf.cookieValue()));
    } else if (csrf != null) {
      csrfVerified = "POST".equals(request.method()) && csrf.matches(body.field("csrfToken"));
    }
    String requested = body.field("callbackUrl") != null ? body.field("callbackUrl") : query.get("callbackUrl");
    String fromCookie = cookies.get(names.callbackUrl());
    if (requested != null) {
      callbackUrl = redirectTarget(requested);
    } else if (fromCookie != null) {
      callbackUrl = redirectTarget(fromCookie);
    } else {
      callbackUrl = origin;
    }
    if (!callbackUrl.equals(fromCookie)) {
      initCookies.add(cookieFactory.browserSession(names.callbackUrl(), callbackUrl));
    }
  }

  /**
   * A target URL passed through the redirect callback, which decides what may be followed. A URL
   * longer than {@link #MAX_CALLBACK_URL_LENGTH} goes to the origin instead: it is echoed into a cookie
   * and a {@code Location} header, and one that does not fit them would fail the whole answer.
   */
  String redirectTarget(String url) {
    if (url.length() > MAX_CALLBACK_URL_LENGTH) {
      return origin;
    }
    String target = config.callbacks().redirect().redirect(url, origin);
    return target == null || target.length() > origin.length() + MAX_CALLBACK_URL_LENGTH ? origin : target;
  }

  CsrfToken csrf() {
    return csrf;
  }

  /** True iff this is a POST whose {@code csrfToken} field matches a cookie minted by this server. */
  boolean csrfVerified() {
    return csrfVerified;
  }

  String callbackUrl() {
    return callbackUrl;
  }

  /** {@code <origin><basePath>/<path>}. */
  String url(String path) {
    return baseUrl + "/" + path;
  }

  ProtocolVersion protocol() {
    return config.protocol();
  }

  void setCookie(SetCookie cookie) {
    actionCookies.add(cookie);
  }

  void setCookies(List<SetCookie> list) {
    actionCookies.addAll(list);
  }

  /** Init cookies first, so an action's own cookie of the same name wins. */
  List<SetCookie> outgoingCookies(boolean includeInit) {
    if (!includeInit || initCookies.isEmpty()) {
      return actionCookies;
    }
    List<SetCookie> all = new ArrayList<>(initCookies);
    all.addAll(actionCookies);
    return all;
  }

  /** v5's header mode: answer {@code {"url"}} with status 200. */
  boolean returnRedirectHeader() {
    return request.headers().contains("X-Auth-Return-Redirect");
  }

  /** v3/v4's body mode: answer {@code {"url"}} keeping 401/403 statuses. */
  boolean jsonField() {
    return "true".equals(body.field("json"));
  }
}
