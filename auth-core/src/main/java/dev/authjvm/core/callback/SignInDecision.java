package dev.authjvm.core.callback;

/** What a {@link SignInCallback} decides: let the user in, refuse ({@code AccessDenied}), or send them elsewhere. */
public sealed interface SignInDecision {
  SignInDecision ALLOW = new Allow();
  SignInDecision DENY = new Deny();

  static SignInDecision redirect(String url) {
    return new Redirect(url);
  }

  record Allow() implements SignInDecision {}

  record Deny() implements SignInDecision {}

  /** Ends the sign-in with a redirect to {@code url}, which passes the redirect callback first. */
  record Redirect(String url) implements SignInDecision {}
}
