package dev.authjvm.core.internal.endpoint;

import dev.authjvm.core.config.AuthConfig;
import dev.authjvm.core.http.AuthResponse;
import dev.authjvm.core.internal.flow.WebAuthnFlow;
import dev.authjvm.core.internal.route.Outcome;
import dev.authjvm.core.internal.route.RequestContext;
import dev.authjvm.core.internal.route.Route;
import dev.authjvm.core.provider.Provider;
import dev.authjvm.core.provider.WebAuthnProvider;
import java.util.Map;

/**
 * {@code GET /webauthn-options/:provider?action=&email=}: the options for the browser's passkey ceremony,
 * with the challenge in its cookie. Any other provider is 400 (Auth.js: a 500 {@code InvalidProvider}).
 */
final class WebAuthnOptionsEndpoint implements Route.Endpoint {
  private final AuthConfig config;
  private final WebAuthnFlow webAuthn;

  WebAuthnOptionsEndpoint(AuthConfig config, WebAuthnFlow webAuthn) {
    this.config = config;
    this.webAuthn = webAuthn;
  }

  @Override
  public Outcome handle(RequestContext ctx) {
    Provider provider = ctx.providerId() == null ? null : config.provider(ctx.providerId()).orElse(null);
    if (!(provider instanceof WebAuthnProvider passkeys)) {
      return Outcome.respond(AuthResponse.json(400, Map.of("error", "Invalid provider",
          "message", "webauthn-options needs the id of a WebAuthn provider")));
    }
    return Outcome.respond(webAuthn.options(ctx, passkeys));
  }
}
