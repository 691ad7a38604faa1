package dev.authjvm.core.action;

import dev.authjvm.core.csrf.CsrfToken;
import dev.authjvm.core.http.AuthRequest;
import dev.authjvm.core.jwt.JwtCodec;
import dev.authjvm.core.provider.CheckCookies;
import dev.authjvm.core.provider.FlowRequest;
import dev.authjvm.core.store.AuthStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The core's side of one {@link FlowRequest}: a view of the request's context for one provider. */
final class FlowContext implements FlowRequest {
  private final ActionContext ctx;
  private final String providerId;
  private final CheckCookies checks;

  FlowContext(ActionContext ctx, JwtCodec codec, String providerId) {
    this.ctx = ctx;
    this.providerId = providerId;
    this.checks = new EncryptedCheckCookies(ctx, codec, providerId);
  }

  @Override
  public AuthRequest request() {
    return ctx.request;
  }

  @Override
  public Map<String, String> query() {
    return ctx.query;
  }

  @Override
  public Map<String, String> form() {
    return ctx.body.fields();
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
  public String hashWithSecret(String value) {
    // As Auth.js hashes email tokens: sha256(token + secret), lowercase hex.
    return CsrfToken.hash(value, ctx.engine.tokenSecrets().get(0));
  }

  @Override
  public List<String> hashesWithSecrets(String value) {
    return ctx.engine.tokenSecrets().stream().map(secret -> CsrfToken.hash(value, secret)).toList();
  }

  @Override
  public Optional<AuthStore> store() {
    return ctx.config.store();
  }

  @Override
  public Instant now() {
    return ctx.now;
  }
}
