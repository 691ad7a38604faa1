package dev.authjvm.core.provider;

/** A refresh that failed: the provider refused the refresh token (revoked, expired) or could not be reached. */
public class TokenRefreshException extends RuntimeException {
  public TokenRefreshException(String message) {
    super(message);
  }

  public TokenRefreshException(String message, Throwable cause) {
    super(message, cause);
  }
}
