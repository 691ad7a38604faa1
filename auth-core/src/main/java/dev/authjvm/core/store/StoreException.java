package dev.authjvm.core.store;

/** A store could not do what was asked (unreachable, constraint violated...); the cause says why. */
public class StoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
