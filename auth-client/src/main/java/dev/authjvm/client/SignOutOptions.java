package dev.authjvm.client;

/**
 * How to sign out.
 *
 * @param callbackUrl where the user goes afterwards (v5 calls it {@code redirectTo}); {@code null} means
 *                    the root of the base URL's origin
 */
public record SignOutOptions(String callbackUrl) {

  /** No callback URL of its own. */
  public static SignOutOptions defaults() {
    return new SignOutOptions(null);
  }
}
