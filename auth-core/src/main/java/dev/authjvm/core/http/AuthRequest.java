package dev.authjvm.core.http;

import java.util.Locale;
import java.util.Objects;

/**
 * One HTTP request as an adapter saw it, before any interpretation. The core parses cookies,
 * query and body itself, so every adapter gets the same (tolerant) parsing.
 *
 * @param method  the request method, upper case
 * @param scheme  {@code http} or {@code https}, as the connection was made (forwarded headers are
 *                the core's business, not the adapter's)
 * @param host    the host the request names; {@code null} takes the {@code Host} header (adapters pass
 *                {@code null}: a request without a host is the core's to refuse, unless {@code AUTH_URL} is set)
 * @param path    the raw (still percent-encoded) path, starting with {@code /}
 * @param query   the raw query string without {@code ?}, or {@code null}
 * @param headers all request header fields
 * @param body    the request body, at most {@link #MAX_BODY_BYTES}; not copied
 */
public record AuthRequest(String method, String scheme, String host, String path, String query,
                          HttpHeaders headers, byte[] body) {

  /** Larger bodies are refused with 413; no Auth.js request comes near this. */
  public static final int MAX_BODY_BYTES = 64 * 1024;

  public AuthRequest {
    method = Objects.requireNonNull(method, "method").toUpperCase(Locale.ROOT);
    scheme = Objects.requireNonNull(scheme, "scheme").toLowerCase(Locale.ROOT);
    headers = headers == null ? HttpHeaders.empty() : headers;
    host = host != null ? host : headers.first("Host").orElse("");
    path = path == null || path.isEmpty() ? "/" : path;
    body = body == null ? new byte[0] : body;
  }

  /** The {@code Content-Length} the client declared, or -1 when it declared none (or nonsense). */
  public long declaredBodyLength() {
    String declared = headers.first("Content-Length").orElse("").trim();
    if (declared.isEmpty() || declared.length() > 18 || !declared.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return -1;
    }
    return Long.parseLong(declared);
  }

  /** The same request with another body. */
  public AuthRequest withBody(byte[] newBody) {
    return new AuthRequest(method, scheme, host, path, query, headers, newBody);
  }

  /** Parses an absolute URL such as {@code http://localhost/api/auth/session?x=1}; for tests and tools. */
  public static AuthRequest of(String method, String absoluteUrl, HttpHeaders headers, byte[] body) {
    int schemeEnd = absoluteUrl.indexOf("://");
    if (schemeEnd < 0) {
      throw new IllegalArgumentException("not an absolute URL: " + absoluteUrl);
    }
    String rest = absoluteUrl.substring(schemeEnd + 3);
    int slash = rest.indexOf('/');
    String host = slash < 0 ? rest : rest.substring(0, slash);
    String pathAndQuery = slash < 0 ? "/" : rest.substring(slash);
    int q = pathAndQuery.indexOf('?');
    return new AuthRequest(method, absoluteUrl.substring(0, schemeEnd), host,
        q < 0 ? pathAndQuery : pathAndQuery.substring(0, q), q < 0 ? null : pathAndQuery.substring(q + 1),
        headers, body);
  }

  public static AuthRequest get(String absoluteUrl, HttpHeaders headers) {
    return of("GET", absoluteUrl, headers, null);
  }
}
