package dev.authjvm.core.callback;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The default redirect rule: a relative path or a URL on the same origin is followed, anything else
 * goes to the origin. Stricter than Auth.js on purpose: where Auth.js would answer
 * {@code origin + "//evil.example"} (harmless but confusing), this answers the origin.
 */
public final class SameOriginRedirect implements RedirectCallback {
  public static final SameOriginRedirect INSTANCE = new SameOriginRedirect();

  @Override
  public String redirect(String url, String baseUrl) {
    if (url == null || url.isEmpty() || hasControlOrBackslash(url)) {
      return baseUrl;
    }
    if (url.startsWith("/")) {
      // "//host" and "/\host" are protocol-relative to a browser: another origin.
      return url.startsWith("//") ? baseUrl : baseUrl + url;
    }
    return sameOrigin(url, baseUrl) ? url : baseUrl;
  }

  private static boolean hasControlOrBackslash(String url) {
    for (int i = 0; i < url.length(); i++) {
      char c = url.charAt(i);
      if (c < 0x20 || c == 0x7f || c == '\\') {
        return true;
      }
    }
    return false;
  }

  static boolean sameOrigin(String url, String baseUrl) {
    if (startsWithOrigin(url, baseUrl)) {
      return true;
    }
    try {
      URI target = new URI(url);
      URI base = new URI(baseUrl);
      return target.getScheme() != null && target.getScheme().equalsIgnoreCase(base.getScheme())
          && target.getRawUserInfo() == null && target.getHost() != null
          && authority(target).equals(authority(base));
    } catch (URISyntaxException e) {
      return false;
    }
  }

  /**
   * The common case without parsing: the URL is the origin itself, or the origin followed by a path, query or
   * fragment made only of characters a URI allows there unescaped. Anything else is left to the parser.
   */
  private static boolean startsWithOrigin(String url, String origin) {
    // An origin never has user info; a base URL that does is left to the parser, which refuses it.
    if (!url.startsWith(origin) || origin.indexOf('@') >= 0) {
      return false;
    }
    if (url.length() == origin.length()) {
      return true;
    }
    char next = url.charAt(origin.length());
    if (next != '/' && next != '?' && next != '#') {
      return false;
    }
    boolean inFragment = false;
    for (int i = origin.length(); i < url.length(); i++) {
      char c = url.charAt(i);
      if (c == '#') {
        if (inFragment) {
          return false;
        }
        inFragment = true;
      } else if (c == '%') {
        if (i + 2 >= url.length() || !isHex(url.charAt(i + 1)) || !isHex(url.charAt(i + 2))) {
          return false;
        }
        i += 2;
      } else if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~!$&'()*+,;=:@/?".indexOf(c) >= 0)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isHex(char c) {
    return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
  }

  /** host:port with the scheme's default port made explicit, lower case. */
  private static String authority(URI uri) {
    int port = uri.getPort();
    if (port < 0) {
      port = "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    return host + ":" + port;
  }
}
