package dev.authjvm.core.action;

import dev.authjvm.core.config.AuthConfig;
import dev.authjvm.core.http.AuthRequest;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decides the origin every absolute URL is built on: {@code AUTH_URL} when set; otherwise, with
 * {@code AUTH_TRUST_HOST}, the first {@code X-Forwarded-Host}/{@code -Proto}; otherwise the request's
 * own {@code Host} and scheme. One policy in the core, so no adapter gets it wrong.
 */
final class OriginResolver {
  /** A DNS name, IPv4 or bracketed IPv6, with an optional port. */
  private static final Pattern HOST = Pattern.compile("(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,62})(?:\\.[A-Za-z0-9-]{1,63})*\\.?"
      + "|\\[[0-9A-Fa-f:.]+\\])(?::[0-9]{1,5})?");

  private final String fixedOrigin;
  private final boolean trustHost;

  OriginResolver(AuthConfig config) {
    this.fixedOrigin = config.url().map(OriginResolver::originOf).orElse(null);
    this.trustHost = config.trustHost();
  }

  /** The origin such as {@code https://example.com}, or empty when the host is malformed. */
  Optional<String> resolve(AuthRequest request) {
    if (fixedOrigin != null) {
      return Optional.of(fixedOrigin);
    }
    String host = request.host();
    String scheme = request.scheme();
    if (trustHost) {
      host = firstValue(request, "X-Forwarded-Host").orElse(host);
      String proto = firstValue(request, "X-Forwarded-Proto").map(p -> p.toLowerCase(Locale.ROOT)).orElse(scheme);
      scheme = proto.equals("http") || proto.equals("https") ? proto : scheme;
    }
    if (host == null || !HOST.matcher(host).matches()) {
      return Optional.empty();
    }
    return Optional.of(scheme + "://" + withoutDefaultPort(host.toLowerCase(Locale.ROOT), scheme));
  }

  private static Optional<String> firstValue(AuthRequest request, String header) {
    return request.headers().first(header).map(v -> v.split(",", 2)[0].trim()).filter(v -> !v.isEmpty());
  }

  private static String withoutDefaultPort(String host, String scheme) {
    String defaultPort = scheme.equals("https") ? ":443" : ":80";
    return host.endsWith(defaultPort) ? host.substring(0, host.length() - defaultPort.length()) : host;
  }

  static String originOf(URI uri) {
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    boolean defaultPort = uri.getPort() < 0 || uri.getPort() == (scheme.equals("https") ? 443 : 80);
    return scheme + "://" + host + (defaultPort ? "" : ":" + uri.getPort());
  }
}
