package dev.authjvm.core.internal.route;

import dev.authjvm.core.callback.RedirectCallback;

/**
 * Where a {@code callbackUrl} may send the browser: the redirect callback decides, after a length cap.
 * A URL longer than {@link #MAX_LENGTH} goes to the origin instead: it is echoed into a cookie and a
 * {@code Location} header, and one too large for them would fail the whole answer.
 */
public final class RedirectTargets {
  /** Longer callback URLs are not followed; browsers and proxies agree on about 2 KB for a URL. */
  public static final int MAX_LENGTH = 2048;

  private final RedirectCallback callback;

  public RedirectTargets(RedirectCallback callback) {
    this.callback = callback;
  }

  /** The target for {@code url} on {@code origin}, or the origin. */
  public String resolve(String url, String origin) {
    if (url.length() > MAX_LENGTH) {
      return origin;
    }
    String target = callback.redirect(url, origin);
    return target == null || target.length() > origin.length() + MAX_LENGTH ? origin : target;
  }
}
