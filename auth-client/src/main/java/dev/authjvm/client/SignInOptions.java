package dev.authjvm.client;

import java.util.Map;

/**
 * How to sign in, beyond the provider's own fields.
 *
 * @param callbackUrl         where the user goes after signing in (v5 calls it {@code redirectTo}); the
 *                            server keeps it only when it is on its own origin. {@code null} means the
 *                            root of the base URL's origin, as a browser client sends its current page
 * @param authorizationParams extra query parameters of the sign-in request, which OAuth providers pass
 *                            on to the authorization URL (e.g. {@code prompt=login}, {@code login_hint})
 */
public record SignInOptions(String callbackUrl, Map<String, String> authorizationParams) {
  public SignInOptions {
    authorizationParams = Map.copyOf(authorizationParams);
  }

  /** No callback URL of its own, no authorization parameters. */
  public static SignInOptions defaults() {
    return new SignInOptions(null, Map.of());
  }

  /** A copy with this callback URL. */
  public SignInOptions withCallbackUrl(String url) {
    return new SignInOptions(url, authorizationParams);
  }

  /** A copy with these authorization parameters. */
  public SignInOptions withAuthorizationParams(Map<String, String> params) {
    return new SignInOptions(callbackUrl, params);
  }
}
