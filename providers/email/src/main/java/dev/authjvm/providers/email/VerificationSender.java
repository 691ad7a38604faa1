package dev.authjvm.providers.email;

import dev.authjvm.core.provider.VerificationRequest;

/**
 * Delivers a sign-in link: SMTP by default ({@link SmtpSender}), or anything else (an email API, a
 * queue) in its place. Throwing means "not sent": the user sees {@code EmailSignin} and the token is
 * withdrawn.
 */
@FunctionalInterface
public interface VerificationSender {
  void send(VerificationRequest request) throws Exception;
}
