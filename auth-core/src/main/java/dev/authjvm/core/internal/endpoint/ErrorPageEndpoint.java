package dev.authjvm.core.internal.endpoint;

import dev.authjvm.core.config.AuthConfig;
import dev.authjvm.core.config.ProtocolVersion;
import dev.authjvm.core.error.ErrorType;
import dev.authjvm.core.internal.codec.UriComponent;
import dev.authjvm.core.internal.pages.PageRenderer;
import dev.authjvm.core.internal.route.Outcome;
import dev.authjvm.core.internal.route.RequestContext;
import dev.authjvm.core.internal.route.Route;
import java.util.Map;

/**
 * {@code GET /error?error=X}: the built-in error page, or a redirect to the configured one. v4 forwards
 * sign-in errors to the sign-in page, which shows them as a banner.
 */
final class ErrorPageEndpoint implements Route.Endpoint {
  private final AuthConfig config;
  private final PageRenderer pages;

  ErrorPageEndpoint(AuthConfig config, PageRenderer pages) {
    this.config = config;
    this.pages = pages;
  }

  @Override
  public Outcome handle(RequestContext ctx) {
    String error = ctx.query().getOrDefault("error", "Default");
    if (ctx.protocol() == ProtocolVersion.V4) {
      ErrorType type = ErrorType.fromCode(error, true);
      if (type != null && type.signInPage() || "Signin".equalsIgnoreCase(error)) {
        return Outcome.redirect(ctx.url("signin") + "?" + UriComponent.formatQuery(Map.of("error", error)));
      }
    }
    if (config.pages().error() != null) {
      return Outcome.redirect(SignInPageEndpoint.withQuery(ctx.absolute(config.pages().error()),
          UriComponent.formatQuery(Map.of("error", error))));
    }
    return Outcome.respond(pages.error(error, ctx.baseUrl(), ctx.origin()));
  }
}
