package dev.authjvm.core.action;

import dev.authjvm.core.config.ProtocolVersion;
import dev.authjvm.core.error.AuthError;
import dev.authjvm.core.error.ErrorType;
import dev.authjvm.core.http.UriComponent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where an error sends the browser, per generation. v5 goes straight to the sign-in page (for
 * sign-in errors) or the error page, and passes only client-safe codes; v4 always goes to
 * {@code /error?error=X}, which forwards sign-in errors on, and keeps 401/403 in JSON mode.
 */
final class ErrorRedirects {
  private ErrorRedirects() {}

  static Outcome.Redirect toRedirect(AuthError error, ActionContext ctx) {
    return ctx.protocol() == ProtocolVersion.V5 ? v5(error, ctx) : v4(error, ctx);
  }

  private static Outcome.Redirect v5(AuthError error, ActionContext ctx) {
    // A rate limit is the client's to show (v5 would turn an EmailSignin into Configuration, which misleads).
    boolean rateLimited = RateLimits.CODE.equals(error.code());
    ErrorType type = error.type().v5ClientSafe() || rateLimited ? error.type() : ErrorType.CONFIGURATION;
    Map<String, String> q = new LinkedHashMap<>();
    q.put("error", type.v5Code());
    if (type == ErrorType.CREDENTIALS_SIGNIN || rateLimited) {
      q.put("code", error.code() == null ? "credentials" : error.code());
    }
    String page = type.signInPage() ? ctx.config.pages().signIn() : ctx.config.pages().error();
    String base = page != null ? absolute(page, ctx) : ctx.url(type.signInPage() ? "signin" : "error");
    return new Outcome.Redirect(base + (base.contains("?") ? "&" : "?") + UriComponent.formatQuery(q), v4Status(type));
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

  private static Outcome.Redirect v4(AuthError error, ActionContext ctx) {
    Map<String, String> q = new LinkedHashMap<>();
    if (error.type() == ErrorType.CREDENTIALS_SIGNIN) {
      q.put("error", error.code() == null ? ErrorType.CREDENTIALS_SIGNIN.v4Code() : error.code());
      if (error.code() == null) {
        q.put("provider", error.provider());
      }
    } else {
      q.put("error", error.type().v4Code());
    }
    return new Outcome.Redirect(ctx.url("error") + "?" + UriComponent.formatQuery(q), v4Status(error.type()));
  }

  /** v3/v4 answer a failed CSRF check with {@code <page>?csrf=true}; v5 with {@code MissingCSRF}. */
  static Outcome missingCsrf(ActionContext ctx, String v4Page) {
    if (ctx.protocol() == ProtocolVersion.V5) {
      return Outcome.fail(AuthError.of(ErrorType.MISSING_CSRF, "CSRF token missing or not matching its cookie"));
    }
    return Outcome.redirect(ctx.url(v4Page) + "?csrf=true");
  }

  /** A configured page path made absolute on the origin, since clients call {@code new URL(url)}. */
  static String absolute(String page, ActionContext ctx) {
    return page.startsWith("/") ? ctx.origin + page : page;
  }
}
