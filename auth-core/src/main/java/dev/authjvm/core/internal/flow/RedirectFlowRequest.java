package dev.authjvm.core.internal.flow;

import dev.authjvm.core.http.AuthRequest;
import dev.authjvm.core.internal.cookie.EncryptedCheckCookies;
import dev.authjvm.core.internal.route.RequestContext;
import dev.authjvm.core.jwt.JwtCodec;
import dev.authjvm.core.provider.CheckCookies;
import dev.authjvm.core.provider.FlowRequest;
import java.time.Instant;
import java.util.Map;

/** The core's side of one {@link FlowRequest}: a view of the request for one redirect-flow provider. */
final class RedirectFlowRequest implements FlowRequest {
  private final RequestContext ctx;
  private final String providerId;
  private final CheckCookies checks;

  RedirectFlowRequest(RequestContext ctx, JwtCodec checkCodec, String providerId) {
    this.ctx = ctx;
    this.providerId = providerId;
    this.checks = new EncryptedCheckCookies(ctx.names(), ctx.cookieFactory(), ctx.cookies(), ctx.now(), checkCodec,
        providerId);
  }

  @Override
  public AuthRequest request() {
    return ctx.request();
  }

  @Override
  public Map<String, String> query() {
    return ctx.query();
  }

  @Override
  public Map<String, String> form() {
    return ctx.body().fields();
  }

  @Override
  public String providerCallbackUrl() {
    return ctx.url("callback/" + providerId);
  }

  @Override
  public String url(String action) {
    return ctx.url(action);
  }

  @Override
  public String callbackUrl() {
    return ctx.callbackUrl();
  }

  @Override
  public CheckCookies checks() {
    return checks;
  }

  @Override
  public Instant now() {
    return ctx.now();
  }
}
