package dev.authjvm.core.action;

import dev.authjvm.core.http.AuthRequest;
import dev.authjvm.core.http.UriComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The action and provider named by a request path: {@code <basePath>/<action>[/<providerId>]}.
 * Only {@code signin} and {@code callback} take a provider; anything else does not route.
 */
record Route(String action, String providerId) {
  private static final Set<String> ACTIONS = Set.of(
      "providers", "session", "csrf", "signin", "signout", "callback", "verify-request", "error", "_log");

  static Optional<Route> parse(AuthRequest request, String basePath) {
    String path = request.path();
    if (!path.startsWith(basePath + "/")) {
      return Optional.empty();
    }
    List<String> segments = new ArrayList<>(2);
    for (String s : path.substring(basePath.length() + 1).split("/")) {
      if (!s.isEmpty()) {
        segments.add(UriComponent.decode(s, false));
      }
    }
    if (segments.isEmpty() || segments.size() > 2 || !ACTIONS.contains(segments.get(0))) {
      return Optional.empty();
    }
    String action = segments.get(0);
    String provider = segments.size() == 2 ? segments.get(1) : null;
    if (provider != null && !(action.equals("signin") || action.equals("callback"))) {
      return Optional.empty();
    }
    // The v4 client can post to "/signin/undefined"; Auth.js reads that as no provider.
    return Optional.of(new Route(action, "undefined".equals(provider) ? null : provider));
  }
}
