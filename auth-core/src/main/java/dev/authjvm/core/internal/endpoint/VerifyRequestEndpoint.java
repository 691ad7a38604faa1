package dev.authjvm.core.internal.endpoint;

import dev.authjvm.core.config.AuthConfig;
import dev.authjvm.core.config.ProtocolVersion;
import dev.authjvm.core.internal.pages.PageRenderer;
import dev.authjvm.core.internal.route.Outcome;
import dev.authjvm.core.internal.route.RequestContext;
import dev.authjvm.core.internal.route.Route;

/** {@code GET /verify-request}: "check your email", or a redirect to the configured page (v5 keeps the query). */
final class VerifyRequestEndpoint implements Route.Endpoint {
  private final AuthConfig config;
  private final PageRenderer pages;

  VerifyRequestEndpoint(AuthConfig config, PageRenderer pages) {
    this.config = config;
    this.pages = pages;
  }

  @Override
  public Outcome handle(RequestContext ctx) {
    String custom = config.pages().verifyRequest();
    if (custom != null) {
      String url = ctx.absolute(custom);
      boolean appendQuery = ctx.protocol() == ProtocolVersion.V5 && ctx.request().query() != null;
      return Outcome.redirect(appendQuery ? SignInPageEndpoint.withQuery(url, ctx.request().query()) : url);
    }
    return Outcome.respond(pages.verifyRequest(ctx.origin()));
  }
}
