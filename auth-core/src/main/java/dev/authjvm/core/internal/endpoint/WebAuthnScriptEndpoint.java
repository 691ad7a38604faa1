package dev.authjvm.core.internal.endpoint;

import dev.authjvm.core.http.AuthResponse;
import dev.authjvm.core.internal.pages.PageRenderer;
import dev.authjvm.core.internal.route.Outcome;
import dev.authjvm.core.internal.route.RequestContext;
import dev.authjvm.core.internal.route.Route;
import java.util.Map;

/**
 * {@code GET /webauthn-script/:provider}: the script of the sign-in page's passkey form, from the provider's
 * jar. The page names it with its content hash, so browsers may keep it for good.
 */
final class WebAuthnScriptEndpoint implements Route.Endpoint {
  private final PageRenderer pages;

  WebAuthnScriptEndpoint(PageRenderer pages) {
    this.pages = pages;
  }

  @Override
  public Outcome handle(RequestContext ctx) {
    return Outcome.respond(pages.passkeyScript(ctx.providerId())
        .map(script -> new AuthResponse(200, null, null, script)
            .withHeader("Content-Type", "text/javascript; charset=utf-8")
            .withHeader("Cache-Control", "public, max-age=31536000, immutable"))
        .orElseGet(() -> AuthResponse.json(404, Map.of("error", "NotFound",
            "message", "this provider has no passkey script"))));
  }
}
