package dev.authjvm.core.callback;

/**
 * Decides where a {@code callbackUrl} may send the browser. It must return an absolute URL; the
 * default, {@link SameOriginRedirect}, keeps everything on the application's own origin.
 */
@FunctionalInterface
public interface RedirectCallback {
  /**
   * @param url     the requested target, relative or absolute, exactly as received
   * @param baseUrl the application's origin, e.g. {@code https://example.com}
   */
  String redirect(String url, String baseUrl);
}
