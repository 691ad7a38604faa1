package dev.authjvm.core.error;

/**
 * A failed sign-in or request, as a value. Actions return it; the router turns it into the
 * redirect (or JSON) that the configured protocol generation expects.
 *
 * @param code     v5's {@code &code=} for {@code CredentialsSignin} (default {@code credentials}); in v4 a
 *                 custom code replaces the error name itself
 * @param provider the provider involved, for v4's {@code &provider=}
 * @param logMessage what went wrong, for the server log only; never sent to the browser
 */
public record AuthError(ErrorType type, String code, String provider, String logMessage) {

  public static AuthError of(ErrorType type) {
    return new AuthError(type, null, null, null);
  }

  public static AuthError of(ErrorType type, String logMessage) {
    return new AuthError(type, null, null, logMessage);
  }
}
