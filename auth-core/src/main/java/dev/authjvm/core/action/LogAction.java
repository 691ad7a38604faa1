package dev.authjvm.core.action;

import dev.authjvm.core.http.AuthResponse;
import dev.authjvm.core.http.RequestBody;
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
      LOG.debug("[client][{}] {} {}", truncate(body.field("level")), truncate(body.field("code")),
          truncate(body.field("message")));
    }
    return AuthResponse.empty(200);
  }

  private static String truncate(String s) {
    if (s == null) {
      return "";
    }
    String clean = s.replaceAll("[\\r\\n\\t]", " ");
    return clean.length() > 500 ? clean.substring(0, 500) + "…" : clean;
  }
}
