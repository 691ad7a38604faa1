package dev.authjvm.core.internal.route;

import dev.authjvm.core.http.AuthRequest;
import dev.authjvm.core.http.AuthResponse;
import dev.authjvm.core.text.LogSafe;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The client errors that are answered before any endpoint runs: a bad host, a bad body, no session. */
public final class Problems {
  private static final Logger LOG = LoggerFactory.getLogger("dev.authjvm.core");

  private Problems() {}

  public static AuthResponse malformedHost() {
    return AuthResponse.json(400, Map.of("error", "BadRequest", "message", "Malformed Host header"));
  }

  /**
   * A host no setting trusts: every link, redirect and form action would be built on it, so nothing is
   * answered (an emailed link to the attacker's host would hand over the victim's account).
   */
  public static AuthResponse untrustedHost(String host) {
    LOG.warn("[auth][UntrustedHost] refused a request for host {}: set AUTH_URL, or AUTH_TRUST_HOST behind a proxy, "
        + "or list the host in AUTH_ALLOWED_HOSTS", LogSafe.text(host));
    return AuthResponse.json(400, Map.of("error", "UntrustedHost", "message",
        "Host must be trusted: set AUTH_URL, AUTH_TRUST_HOST or AUTH_ALLOWED_HOSTS on the server."));
  }

  /** 413 for a body over the limit, declared or read. */
  public static AuthResponse bodyTooLarge() {
    return AuthResponse.json(413, Map.of("error", "PayloadTooLarge",
        "message", "The request body is larger than " + AuthRequest.MAX_BODY_BYTES + " bytes"));
  }

  /** 400 for a body the server could not read: a client that broke off, a malformed chunked body. */
  public static AuthResponse bodyUnreadable(Exception cause) {
    LOG.debug("[auth][BadRequest] the request body could not be read: {}", LogSafe.text(cause.toString()));
    return AuthResponse.json(400, Map.of("error", "BadRequest", "message", "The request body could not be read"));
  }

  /** The 401 that API calls without a session get from the session guards. */
  public static AuthResponse sessionRequired() {
    return AuthResponse.json(401, Map.of("error", "SessionRequired", "message", "Sign in to access this resource"));
  }
}
