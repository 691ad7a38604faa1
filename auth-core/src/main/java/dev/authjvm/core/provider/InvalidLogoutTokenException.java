package dev.authjvm.core.provider;

/** A back-channel logout token that is not valid; the message says why, for the log and the 400 answer. */
public class InvalidLogoutTokenException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InvalidLogoutTokenException(String message) {
    super(message);
  }

  public InvalidLogoutTokenException(String message, Throwable cause) {
    super(message, cause);
  }
}
