package dev.authjvm.core.internal.route;

import dev.authjvm.core.config.ProtocolVersion;
import dev.authjvm.core.http.AuthRequest;
import dev.authjvm.core.http.SetCookie;
import dev.authjvm.core.internal.cookie.CookieFactory;
import dev.authjvm.core.internal.cookie.CookieNames;
import dev.authjvm.core.internal.http.RequestBody;
import dev.authjvm.core.internal.security.CsrfToken;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One request as the endpoints see it: what was parsed from it, the origin its URLs are built on, the
 * CSRF token and callback URL resolved for it, and the cookies that resolution sets. Values only; made
 * by the {@link Router}.
 *
 * @param action      the route's action, e.g. {@code signin}
 * @param providerId  the {@code :provider} path segment, or {@code null}
 * @param csrf        the request's valid CSRF token (from its cookie, or minted for it) on routes that mint one and
 *                    on POSTs; else {@code null}
 * @param csrfVerified true iff this is a POST whose {@code csrfToken} field matches a cookie this server minted
 * @param callbackUrl where the user goes next, already through the redirect callback; {@code null} when not resolved
 * @param initCookies the CSRF and callback-url cookies this request's resolution sets
 */
public record RequestContext(AuthRequest request, String action, String providerId, String origin, String baseUrl, boolean secure,
                             ProtocolVersion protocol, CookieNames names, CookieFactory cookieFactory,
                             Map<String, String> cookies, Map<String, String> query, RequestBody body, Instant now,
                             CsrfToken csrf, boolean csrfVerified, String callbackUrl, List<SetCookie> initCookies) {

  /** {@code <origin><basePath>/<path>}. */
  public String url(String path) {
    return baseUrl + "/" + path;
  }

  /** A configured page path made absolute on the origin, since clients call {@code new URL(url)}. */
  public String absolute(String page) {
    return page.startsWith("/") ? origin + page : page;
  }

  /** v5's header mode: answer {@code {"url"}} with status 200. */
  public boolean returnRedirectHeader() {
    return request.headers().contains("X-Auth-Return-Redirect");
  }

  /** v3/v4's body mode: answer {@code {"url"}} keeping 401/403 statuses. */
  public boolean jsonField() {
    return "true".equals(body.field("json"));
  }

  public boolean isPost() {
    return "POST".equals(request.method());
  }
}
