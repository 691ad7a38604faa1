package dev.authjvm.core.internal.route;

import dev.authjvm.core.config.AuthConfig;
import dev.authjvm.core.config.ProtocolVersion;
import dev.authjvm.core.error.AuthError;
import dev.authjvm.core.error.ErrorType;
import dev.authjvm.core.http.AuthResponse;
import dev.authjvm.core.internal.codec.UriComponent;
import dev.authjvm.core.observe.AuthObserver;
import dev.authjvm.core.text.LogSafe;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns an endpoint's {@link Outcome} into the response of the configured protocol generation: a 302
 * or one of the two JSON modes, and errors as the generation's redirect (v5 straight to the sign-in or
 * error page with client-safe codes only; v4 always through {@code /error?error=X}).
 */
public final class Responses {
  private static final Logger LOG = LoggerFactory.getLogger("dev.authjvm.core");
  /** The code clients see for a rate limit (v5 {@code &code=}; v4's error name): stable, so apps can show their own text. */
  public static final String RATE_LIMITED = "rate_limited";

  private final AuthConfig config;

  public Responses(AuthConfig config) {
    this.config = config;
  }

  /** The answer, with the outcome's cookies. */
  public AuthResponse finish(Outcome outcome, RequestContext ctx) {
    if (outcome instanceof Outcome.Respond r) {
      return r.response();
    }
    if (outcome instanceof Outcome.Redirect r) {
      return redirect(r, ctx).withCookies(r.cookies());
    }
    if (outcome instanceof Outcome.RateLimited limited) {
      logFailure(limited.error());
      AuthResponse response = redirect(errorRedirect(limited.error(), ctx), ctx);
      if (ctx.returnRedirectHeader() || ctx.jsonField()) {
        response = response.withStatus(429);
      }
      return response.withHeader("Retry-After", String.valueOf(Math.max(1, limited.retryAfter().toSeconds())));
    }
    Outcome.Failure failure = (Outcome.Failure) outcome;
    logFailure(failure.error());
    return redirect(errorRedirect(failure.error(), ctx), ctx).withCookies(failure.cookies());
  }

  /** A redirect as a 302, or as {@code {"url"}} in either JSON mode. */
  public AuthResponse redirect(Outcome.Redirect r, RequestContext ctx) {
    if (ctx.returnRedirectHeader()) {
      return AuthResponse.json(200, Map.of("url", r.url()));
    }
    if (ctx.jsonField()) {
      return AuthResponse.json(r.jsonStatus(), Map.of("url", r.url()));
    }
    return AuthResponse.redirect(r.url());
  }

  /** Where an error sends the browser, per generation. */
  public Outcome.Redirect errorRedirect(AuthError error, RequestContext ctx) {
    return ctx.protocol() == ProtocolVersion.V5 ? v5(error, ctx) : v4(error, ctx);
  }

  private Outcome.Redirect v5(AuthError error, RequestContext ctx) {
    // A rate limit is the client's to show (v5 would turn an EmailSignin into Configuration, which misleads).
    boolean rateLimited = RATE_LIMITED.equals(error.code());
    ErrorType type = error.type().v5ClientSafe() || rateLimited ? error.type() : ErrorType.CONFIGURATION;
    Map<String, String> q = new LinkedHashMap<>();
    q.put("error", type.v5Code());
    if (type == ErrorType.CREDENTIALS_SIGNIN || rateLimited) {
      q.put("code", error.code() == null ? "credentials" : error.code());
    }
    String page = type.signInPage() ? config.pages().signIn() : config.pages().error();
    String base = page != null ? ctx.absolute(page) : ctx.url(type.signInPage() ? "signin" : "error");
    return new Outcome.Redirect(base + (base.contains("?") ? "&" : "?") + UriComponent.formatQuery(q), v4Status(type),
        java.util.List.of());
  }

  /**
   * The status a v3/v4 client expects in its {@code json=true} mode; it derives {@code ok} from it.
   * v5's header mode always answers 200 and ignores this.
   */
  private static int v4Status(ErrorType type) {
    return switch (type) {
      case CREDENTIALS_SIGNIN -> 401;
      case ACCESS_DENIED -> 403;
      default -> 200;
    };
  }

  private static Outcome.Redirect v4(AuthError error, RequestContext ctx) {
    Map<String, String> q = new LinkedHashMap<>();
    if (error.type() == ErrorType.CREDENTIALS_SIGNIN) {
      q.put("error", error.code() == null ? ErrorType.CREDENTIALS_SIGNIN.v4Code() : error.code());
      if (error.code() == null) {
        q.put("provider", error.provider());
      }
    } else {
      q.put("error", error.type().v4Code());
    }
    return new Outcome.Redirect(ctx.url("error") + "?" + UriComponent.formatQuery(q), v4Status(error.type()),
        java.util.List.of());
  }

  /** v3/v4 answer a failed CSRF check with {@code <page>?csrf=true}; v5 with {@code MissingCSRF}. */
  public static Outcome missingCsrf(RequestContext ctx, String v4Page, AuthObserver observer) {
    observer.csrfRejected(ctx.action());
    if (ctx.protocol() == ProtocolVersion.V5) {
      return Outcome.fail(AuthError.of(ErrorType.MISSING_CSRF, "CSRF token missing or not matching its cookie"));
    }
    return Outcome.redirect(ctx.url(v4Page) + "?csrf=true");
  }

  /** The no-session body: {@code null} in v5, {@code {}} in v4. */
  public static AuthResponse noSession(ProtocolVersion protocol, int status) {
    return AuthResponse.json(status, protocol == ProtocolVersion.V5 ? null : Map.of());
  }

  /** Auth.js's headers for answers that must never be cached (the session, the CSRF token). */
  public static AuthResponse noCache(AuthResponse r) {
    return r.withHeader("Cache-Control", "private, no-cache, no-store").withHeader("Pragma", "no-cache")
        .withHeader("Expires", "0");
  }

  private static void logFailure(AuthError error) {
    if (error.logMessage() != null) {
      // Messages quote what the client sent (a provider id, a path): escaped, so they cannot forge lines.
      LOG.warn("[auth][{}] {}", error.type().v5Code(), LogSafe.text(error.logMessage(), 1000));
    }
  }
}
