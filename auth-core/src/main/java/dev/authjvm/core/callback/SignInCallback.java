package dev.authjvm.core.callback;

/** Decides whether a user may sign in. The default allows everyone the provider accepted. */
@FunctionalInterface
public interface SignInCallback {
  SignInDecision signIn(SignInAttempt attempt);
}
