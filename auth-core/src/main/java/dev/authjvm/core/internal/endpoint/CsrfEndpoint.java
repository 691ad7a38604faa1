package dev.authjvm.core.internal.endpoint;

import dev.authjvm.core.http.AuthResponse;
import dev.authjvm.core.internal.route.Outcome;
import dev.authjvm.core.internal.route.RequestContext;
import dev.authjvm.core.internal.route.Responses;
import dev.authjvm.core.internal.route.Route;
import java.util.Map;

/** {@code GET /csrf}: the token of the request's CSRF cookie, minted when there was none. */
final class CsrfEndpoint implements Route.Endpoint {
  @Override
  public Outcome handle(RequestContext ctx) {
    return Outcome.respond(Responses.noCache(AuthResponse.json(200, Map.of("csrfToken", ctx.csrf().token()))));
  }
}
