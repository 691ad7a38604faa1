package dev.authjvm.core.internal.security;

import dev.authjvm.core.config.AuthConfig;
import dev.authjvm.core.config.HostPattern;
import dev.authjvm.core.http.AuthRequest;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decides the origin every absolute URL is built on (email links, OAuth {@code redirect_uri}, redirects,
 * form actions), and refuses a request whose host is not trusted, so that a forged {@code Host} can
 * never put an attacker's host into a link the server sends out.
 *
 * <ul>
 *   <li>{@code AUTH_URL} set: its origin, whatever the request says.</li>
 *   <li>{@code AUTH_TRUST_HOST}: the right-most {@code X-Forwarded-Host} / {@code X-Forwarded-Proto}
 *       value (the one the nearest proxy wrote; values to its left came from the client), else the
 *       request's own {@code Host}.</li>
 *   <li>Otherwise the request's {@code Host}, which must be loopback ({@code localhost},
 *       {@code 127.0.0.1}, {@code [::1]}) or listed in {@code AUTH_ALLOWED_HOSTS}.</li>
 * </ul>
 * With {@code AUTH_ALLOWED_HOSTS} set, the host must also be listed when it comes from a proxy header.
 */
public final class OriginResolver {
  /** A DNS name, IPv4 or bracketed IPv6, with an optional port. */
  private static final Pattern HOST = Pattern.compile("(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,62})(?:\\.[A-Za-z0-9-]{1,63})*\\.?"
      + "|\\[[0-9A-Fa-f:.]+\\])(?::[0-9]{1,5})?");
  private static final List<HostPattern> LOOPBACK = List.of(
      HostPattern.parse("localhost"), HostPattern.parse("127.0.0.1"), HostPattern.parse("[::1]"));

  /** Where a request's URLs may be built, or why not. */
  public sealed interface Resolution {
    /** The origin such as {@code https://example.com}. */
    record Trusted(String origin) implements Resolution {}

    /** A well-formed host that no setting trusts; {@code origin} is what it would have been, for read-only use. */
    record Untrusted(String host, String origin) implements Resolution {}

    /** A {@code Host} that is not a host at all. */
    record Malformed() implements Resolution {}
  }

  /**
   * The last host resolved, with its answer: the answer depends only on the host and scheme, and a site's
   * requests name the same host again and again. One entry, so a flood of other hosts costs nothing to keep.
   */
  private record Memo(String scheme, String host, Resolution resolution) {}

  private volatile Memo last;
  private final String fixedOrigin;
  private final boolean trustHost;
  private final List<HostPattern> allowedHosts;

  public OriginResolver(AuthConfig config) {
    this.fixedOrigin = config.url().map(OriginResolver::originOf).orElse(null);
    this.trustHost = config.trustHost();
    this.allowedHosts = config.allowedHosts();
  }

  public Resolution resolve(AuthRequest request) {
    if (fixedOrigin != null) {
      return new Resolution.Trusted(fixedOrigin);
    }
    String host = request.host();
    String scheme = request.scheme();
    if (trustHost) {
      host = lastValue(request, "X-Forwarded-Host").orElse(host);
      String proto = lastValue(request, "X-Forwarded-Proto").map(p -> p.toLowerCase(Locale.ROOT)).orElse(scheme);
      scheme = proto.equals("http") || proto.equals("https") ? proto : scheme;
    }
    if (host == null) {
      return new Resolution.Malformed();
    }
    Memo memo = last;
    if (memo != null && memo.host().equals(host) && memo.scheme().equals(scheme)) {
      return memo.resolution();
    }
    Resolution resolution = resolve(host, scheme);
    last = new Memo(scheme, host, resolution);
    return resolution;
  }

  private Resolution resolve(String host, String scheme) {
    if (!HOST.matcher(host).matches()) {
      return new Resolution.Malformed();
    }
    String normalized = withoutDefaultPort(host.toLowerCase(Locale.ROOT), scheme);
    String origin = scheme + "://" + normalized;
    boolean listed = allowedHosts.stream().anyMatch(p -> p.matches(normalized));
    boolean trusted = allowedHosts.isEmpty() ? trustHost || LOOPBACK.stream().anyMatch(p -> p.matches(normalized))
        : listed || !trustHost && LOOPBACK.stream().anyMatch(p -> p.matches(normalized));
    return trusted ? new Resolution.Trusted(origin) : new Resolution.Untrusted(normalized, origin);
  }

  /** The right-most value of a header that proxies append to, across all its fields. */
  private static Optional<String> lastValue(AuthRequest request, String header) {
    List<String> fields = request.headers().all(header);
    if (fields.isEmpty()) {
      return Optional.empty();
    }
    String last = fields.get(fields.size() - 1);
    return Optional.of(last.substring(last.lastIndexOf(',') + 1).trim()).filter(v -> !v.isEmpty());
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
