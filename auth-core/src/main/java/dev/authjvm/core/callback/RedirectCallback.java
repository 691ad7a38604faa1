package dev.authjvm.core.callback;

/**
 * Decides where a {@code callbackUrl} may send the browser. It must return an absolute URL; the
 * default, {@link SameOriginRedirect}, keeps everything on the application's own origin. It must not
 * block (it decides on a URL): adapters may run it on their server's IO thread, for {@code GET /csrf}.
 */
@FunctionalInterface
public interface RedirectCallback {
  /**
   * @param url     the requested target, relative or absolute, exactly as received
   * @param baseUrl the application's origin, e.g. {@code https://example.com}
   */
  String redirect(String url, String baseUrl);
}
