package dev.authjvm.providers.oauth.engine;

import dev.authjvm.core.error.ErrorType;

/** Why a step failed: the protocol error the browser sees, and the detail only the log gets. */
final class OAuthFailure extends Exception {
  private final ErrorType error;

  OAuthFailure(ErrorType error, String logMessage) {
    super(logMessage);
    this.error = error;
  }

  OAuthFailure(ErrorType error, String logMessage, Throwable cause) {
    super(logMessage + ": " + cause.getMessage(), cause);
    this.error = error;
  }

  ErrorType error() {
    return error;
  }
}
