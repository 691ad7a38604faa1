package dev.authjvm.core.provider;

/**
 * A registration or assertion that does not verify: the message names what does not hold (another
 * challenge, origin or relying party, no user verification, a counter that went backwards, a bad signature).
 * It is logged; the browser sees {@code WebAuthnVerificationError} and nothing is stored.
 */
public class WebAuthnVerificationException extends RuntimeException {
  public WebAuthnVerificationException(String message) {
    super(message);
  }

  public WebAuthnVerificationException(String message, Throwable cause) {
    super(message, cause);
  }
}
