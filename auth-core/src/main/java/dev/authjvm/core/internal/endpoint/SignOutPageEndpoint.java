package dev.authjvm.core.internal.endpoint;

import dev.authjvm.core.config.AuthConfig;
import dev.authjvm.core.internal.pages.PageRenderer;
import dev.authjvm.core.internal.route.Outcome;
import dev.authjvm.core.internal.route.RequestContext;
import dev.authjvm.core.internal.route.Route;

/** {@code GET /signout}: the built-in "are you sure" page, or a redirect to the configured one. */
final class SignOutPageEndpoint implements Route.Endpoint {
  private final AuthConfig config;
  private final PageRenderer pages;

  SignOutPageEndpoint(AuthConfig config, PageRenderer pages) {
    this.config = config;
    this.pages = pages;
  }

  @Override
  public Outcome handle(RequestContext ctx) {
    if (config.pages().signOut() != null) {
      return Outcome.redirect(ctx.absolute(config.pages().signOut()));
    }
    return Outcome.respond(pages.signOut(ctx.baseUrl(), ctx.csrf().token(), ctx.callbackUrl()));
  }
}
