package dev.authjvm.core.internal.session;

import dev.authjvm.core.config.AuthConfig;
import dev.authjvm.core.config.SessionStrategy;
import dev.authjvm.core.http.AuthResponse;
import dev.authjvm.core.http.SetCookie;
import dev.authjvm.core.internal.route.RequestContext;
import dev.authjvm.core.jwt.JwtCodec;
import dev.authjvm.core.session.Session;
import dev.authjvm.core.user.User;
import java.util.List;
import java.util.Optional;

/** Where sessions live: {@link JwtSessionManager} (an encrypted cookie) or {@link DatabaseSessionManager} (a store). */
public sealed interface SessionManager permits JwtSessionManager, DatabaseSessionManager {

  static SessionManager of(AuthConfig config, JwtCodec codec) {
    return config.sessionStrategy() == SessionStrategy.DATABASE
        ? new DatabaseSessionManager(config, config.store().orElseThrow())
        : new JwtSessionManager(config, codec);
  }

  /** Whether the request carries a session cookie at all (valid or not). */
  boolean hasCookie(RequestContext ctx);

  /** {@code GET /session}, or {@code POST /session} with {@code update} data: the JSON answer and its cookies. */
  AuthResponse answer(RequestContext ctx, Object update, boolean isUpdate);

  /** The session without touching cookies, for the server-side API. */
  Optional<Session> read(RequestContext ctx);

  /** The signed-in user of the request, for account linking. */
  Optional<User> currentUser(RequestContext ctx);

  /** The id of the request's session, when it is live and tracked. */
  Optional<String> currentSessionId(RequestContext ctx);

  /** Starts a session after a successful sign-in: the cookies that carry it. */
  List<SetCookie> start(RequestContext ctx, NewSession session);

  /** Ends the request's session (sign-out), firing the signOut event. */
  Ended end(RequestContext ctx);

  /**
   * What a sign-out did.
   *
   * @param identityProviderSignOut where the browser goes first to leave the identity provider too
   *                                (federated sign-out), else empty
   */
  record Ended(List<SetCookie> cookies, Optional<String> identityProviderSignOut) {}
}
