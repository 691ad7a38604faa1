package dev.authjvm.client;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The client's own cookies (RFC 6265: host-only or domain cookies, paths, expiry, {@code Secure} only
 * over https). Thread-safe. Kept in creation order, as the RFC sends cookies of equal path length.
 */
final class CookieJar {
  private final Clock clock;
  private final List<ClientCookie> cookies = new ArrayList<>();

  CookieJar(Clock clock) {
    this.clock = clock;
  }

  /**
   * Stores what a response from {@code from} sets. Every header is checked before any is stored, so a
   * refused cookie leaves the jar as it was.
   */
  void store(URI from, List<String> setCookieHeaders) {
    Instant now = clock.instant();
    List<ClientCookie> parsed = new ArrayList<>(setCookieHeaders.size());
    for (String header : setCookieHeaders) {
      parsed.add(SetCookieParser.parse(header, from, now));
    }
    synchronized (this) {
      for (ClientCookie c : parsed) {
        int existing = indexOf(c);
        boolean deletion = c.expires() != null && !c.expires().isAfter(now);
        if (deletion) {
          if (existing >= 0) {
            cookies.remove(existing);
          }
        } else if (existing >= 0) {
          cookies.set(existing, c);
        } else {
          cookies.add(c);
        }
      }
    }
  }

  /** The {@code Cookie} header for a request to {@code to}, if any cookie goes there. */
  synchronized Optional<String> header(URI to) {
    Instant now = clock.instant();
    cookies.removeIf(c -> c.expires() != null && !c.expires().isAfter(now));
    String host = to.getHost().toLowerCase(Locale.ROOT);
    String path = to.getRawPath() == null || to.getRawPath().isEmpty() ? "/" : to.getRawPath();
    boolean https = "https".equalsIgnoreCase(to.getScheme());
    String header = cookies.stream()
        .filter(c -> c.hostOnly() ? c.domain().equals(host) : SetCookieParser.domainCovers(c.domain(), host))
        .filter(c -> pathMatches(c.path(), path))
        .filter(c -> https || !c.secure())
        .sorted(Comparator.comparingInt((ClientCookie c) -> c.path().length()).reversed())
        .map(c -> c.name() + "=" + c.value())
        .collect(Collectors.joining("; "));
    return header.isEmpty() ? Optional.empty() : Optional.of(header);
  }

  /** The cookies that have not expired, in creation order. */
  synchronized List<ClientCookie> snapshot() {
    Instant now = clock.instant();
    return cookies.stream().filter(c -> c.expires() == null || c.expires().isAfter(now)).toList();
  }

  private int indexOf(ClientCookie c) {
    for (int i = 0; i < cookies.size(); i++) {
      ClientCookie e = cookies.get(i);
      if (e.name().equals(c.name()) && e.domain().equals(c.domain()) && e.path().equals(c.path())) {
        return i;
      }
    }
    return -1;
  }

  /** RFC 6265 §5.1.4: the cookie path is the request path or a directory prefix of it. */
  private static boolean pathMatches(String cookiePath, String requestPath) {
    return requestPath.equals(cookiePath) || requestPath.startsWith(cookiePath)
        && (cookiePath.endsWith("/") || requestPath.charAt(cookiePath.length()) == '/');
  }
}
