package dev.authjvm.core.action;

import dev.authjvm.core.config.Pages;
import dev.authjvm.core.config.ProtocolVersion;
import dev.authjvm.core.error.ErrorType;
import dev.authjvm.core.http.AuthResponse;
import dev.authjvm.core.http.UriComponent;
import dev.authjvm.core.pages.PageRenderer;
import dev.authjvm.core.pages.SignInPageModel;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The GET actions that answer a page or a token: {@code csrf}, {@code signin}, {@code signout},
 * {@code error}, {@code verify-request}. A configured custom page replaces a built-in one by a redirect.
 */
final class PageActions {
  private final PageRenderer pages;

  PageActions(PageRenderer pages) {
    this.pages = pages;
  }

  Outcome csrf(ActionContext ctx) {
    return Outcome.respond(AuthEngine.noCache(AuthResponse.json(200, Map.of("csrfToken", ctx.csrf().token()))));
  }

  Outcome signIn(ActionContext ctx) {
    String error = ctx.query.get("error");
    Pages custom = ctx.config.pages();
    if (custom.signIn() != null) {
      Map<String, String> q = new LinkedHashMap<>();
      q.put("callbackUrl", ctx.callbackUrl());
      q.put("error", error);
      return Outcome.redirect(withQuery(ErrorRedirects.absolute(custom.signIn(), ctx), UriComponent.formatQuery(q)));
    }
    return Outcome.respond(pages.signIn(new SignInPageModel(ctx.config.providers(), ctx.csrf().token(),
        ctx.callbackUrl(), error, ctx.query.get("email"), ctx.baseUrl)));
  }

  Outcome signOut(ActionContext ctx) {
    if (ctx.config.pages().signOut() != null) {
      return Outcome.redirect(ErrorRedirects.absolute(ctx.config.pages().signOut(), ctx));
    }
    return Outcome.respond(pages.signOut(ctx.baseUrl, ctx.csrf().token(), ctx.callbackUrl()));
  }

  Outcome error(ActionContext ctx) {
    String error = ctx.query.getOrDefault("error", "Default");
    if (ctx.protocol() == ProtocolVersion.V4) {
      ErrorType type = ErrorType.fromCode(error, true);
      if (type != null && type.signInPage() || "Signin".equalsIgnoreCase(error)) {
        return Outcome.redirect(ctx.url("signin") + "?" + UriComponent.formatQuery(Map.of("error", error)));
      }
    }
    if (ctx.config.pages().error() != null) {
      return Outcome.redirect(withQuery(ErrorRedirects.absolute(ctx.config.pages().error(), ctx),
          UriComponent.formatQuery(Map.of("error", error))));
    }
    return Outcome.respond(pages.error(error, ctx.baseUrl, ctx.origin));
  }

  Outcome verifyRequest(ActionContext ctx) {
    String custom = ctx.config.pages().verifyRequest();
    if (custom != null) {
      String url = ErrorRedirects.absolute(custom, ctx);
      boolean appendQuery = ctx.protocol() == ProtocolVersion.V5 && ctx.request.query() != null;
      return Outcome.redirect(appendQuery ? withQuery(url, ctx.request.query()) : url);
    }
    return Outcome.respond(pages.verifyRequest(ctx.origin));
  }

  private static String withQuery(String url, String query) {
    return query.isEmpty() ? url : url + (url.contains("?") ? "&" : "?") + query;
  }
}
