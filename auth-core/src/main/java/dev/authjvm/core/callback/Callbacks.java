package dev.authjvm.core.callback;

import java.util.Objects;

/** The four Auth.js callbacks. Every one has a default, so set only those you need. */
public record Callbacks(SignInCallback signIn, RedirectCallback redirect, JwtCallback jwt, SessionCallback session) {
  public static final Callbacks DEFAULTS = new Callbacks(
      attempt -> SignInDecision.ALLOW, SameOriginRedirect.INSTANCE, JwtParams::token, SessionParams::session);

  public Callbacks {
    Objects.requireNonNull(signIn, "signIn");
    Objects.requireNonNull(redirect, "redirect");
    Objects.requireNonNull(jwt, "jwt");
    Objects.requireNonNull(session, "session");
  }

  public Callbacks withSignIn(SignInCallback c) {
    return new Callbacks(c, redirect, jwt, session);
  }

  public Callbacks withRedirect(RedirectCallback c) {
    return new Callbacks(signIn, c, jwt, session);
  }

  public Callbacks withJwt(JwtCallback c) {
    return new Callbacks(signIn, redirect, c, session);
  }

  public Callbacks withSession(SessionCallback c) {
    return new Callbacks(signIn, redirect, jwt, c);
  }
}
