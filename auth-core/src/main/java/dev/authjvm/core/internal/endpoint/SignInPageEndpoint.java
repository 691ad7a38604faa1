package dev.authjvm.core.internal.endpoint;

import dev.authjvm.core.config.AuthConfig;
import dev.authjvm.core.internal.codec.UriComponent;
import dev.authjvm.core.internal.pages.PageRenderer;
import dev.authjvm.core.internal.pages.SignInPageModel;
import dev.authjvm.core.internal.route.Outcome;
import dev.authjvm.core.internal.route.RequestContext;
import dev.authjvm.core.internal.route.Route;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code GET /signin}: the built-in sign-in page, or a redirect to the configured one. */
final class SignInPageEndpoint implements Route.Endpoint {
  private final AuthConfig config;
  private final PageRenderer pages;

  SignInPageEndpoint(AuthConfig config, PageRenderer pages) {
    this.config = config;
    this.pages = pages;
  }

  @Override
  public Outcome handle(RequestContext ctx) {
    String error = ctx.query().get("error");
    String custom = config.pages().signIn();
    if (custom != null) {
      Map<String, String> q = new LinkedHashMap<>();
      q.put("callbackUrl", ctx.callbackUrl());
      q.put("error", error);
      return Outcome.redirect(withQuery(ctx.absolute(custom), UriComponent.formatQuery(q)));
    }
    return Outcome.respond(pages.signIn(new SignInPageModel(config.providers(), ctx.csrf().token(), ctx.callbackUrl(),
        error, ctx.query().get("email"), ctx.baseUrl())));
  }

  static String withQuery(String url, String query) {
    return query.isEmpty() ? url : url + (url.contains("?") ? "&" : "?") + query;
  }
}
