package dev.authjvm.core.action;

import dev.authjvm.core.http.AuthResponse;
import dev.authjvm.core.http.RequestBody;
import dev.authjvm.core.log.LogSafe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /_log}: where v3/v4 clients report their own errors (by beacon). Always 200 and empty,
 * no CSRF; logged at DEBUG so a noisy or hostile client cannot flood the server log.
 */
final class LogAction {
  private static final Logger LOG = LoggerFactory.getLogger("dev.authjvm.client");

  private LogAction() {}

  static AuthResponse accept(ActionContext ctx) {
    if (LOG.isDebugEnabled()) {
      RequestBody body = ctx.body;
      LOG.debug("[client][{}] {} {}", LogSafe.text(body.field("level")), LogSafe.text(body.field("code")),
          LogSafe.text(body.field("message"), 500));
    }
    return AuthResponse.empty(200);
  }
}
