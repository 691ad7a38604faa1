package dev.authjvm.core.provider;

import java.time.Duration;

/**
 * Sign-in by a link with a single-use token, delivered to an address (Auth.js's email provider). The
 * core does the protocol: it normalises the address, applies the rate limit and the signIn callback,
 * makes a 32-byte random token, stores only its hash with the server secret, builds the link on the
 * trusted origin, and uses the token exactly once when the link comes back. The provider only delivers
 * the link ({@link #sendVerificationRequest}, Auth.js's {@code sendVerificationRequest}).
 */
public non-sealed interface EmailLinkProvider extends Provider {
  @Override
  default <R> R match(Cases<R> cases) {
    return cases.emailLink(this);
  }

  @Override
  default ProviderType type() {
    return ProviderType.EMAIL;
  }

  /** How long a link stays valid; 24 hours by default, as in Auth.js. */
  default Duration maxAge() {
    return Duration.ofHours(24);
  }

  /**
   * Whether opening the link shows a page with a "Sign in" button, and only its POST uses the token, so
   * that mail scanners that follow links do not spend it. Off by default, as in Auth.js.
   */
  default boolean confirmBeforeSignIn() {
    return false;
  }

  /**
   * Delivers the link. Throwing means "not sent": the token is withdrawn, the attempt does not count
   * against the rate limit, and the user sees {@code EmailSignin}.
   */
  void sendVerificationRequest(VerificationRequest request) throws Exception;
}
