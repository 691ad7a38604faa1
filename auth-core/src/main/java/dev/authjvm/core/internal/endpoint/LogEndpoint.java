package dev.authjvm.core.internal.endpoint;

import dev.authjvm.core.http.AuthResponse;
import dev.authjvm.core.internal.route.Outcome;
import dev.authjvm.core.internal.route.RequestContext;
import dev.authjvm.core.internal.route.Route;
import dev.authjvm.core.text.LogSafe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /_log}: where v3/v4 clients report their own errors (by beacon). Auth.js v5 has no such
 * endpoint, but accepting it lets one server serve every generation. Always 200 and empty, no CSRF;
 * logged at DEBUG so a noisy or hostile client cannot flood the server log.
 */
final class LogEndpoint implements Route.Endpoint {
  private static final Logger LOG = LoggerFactory.getLogger("dev.authjvm.client");

  @Override
  public Outcome handle(RequestContext ctx) {
    if (LOG.isDebugEnabled()) {
      LOG.debug("[client][{}] {} {}", LogSafe.text(ctx.body().field("level")), LogSafe.text(ctx.body().field("code")),
          LogSafe.text(ctx.body().field("message"), 500));
    }
    return Outcome.respond(AuthResponse.empty(200));
  }
}
