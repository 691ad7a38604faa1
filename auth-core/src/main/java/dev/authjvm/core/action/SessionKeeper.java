package dev.authjvm.core.action;

import dev.authjvm.core.http.AuthResponse;
import dev.authjvm.core.session.Session;
import dev.authjvm.core.user.Account;
import dev.authjvm.core.user.User;
import dev.authjvm.core.jwt.JwtClaims;
import java.util.Map;
import java.util.Optional;

/** Where sessions live: {@link JwtSessions} (an encrypted cookie) or {@link DatabaseSessions} (a store). */
interface SessionKeeper {
  /** Whether the request carries a session cookie at all (valid or not). */
  boolean hasCookie(ActionContext ctx);

  /** {@code GET /session}, or {@code POST /session} with {@code update} data: the JSON answer, cookies set on ctx. */
  AuthResponse answer(ActionContext ctx, Object update, boolean isUpdate);

  /** The session without touching cookies, for the server-side API. */
  Optional<Session> read(ActionContext ctx);

  /** The signed-in user of the request, for account linking. */
  Optional<User> currentUser(ActionContext ctx);

  /** Starts a session after a successful sign-in. */
  void start(ActionContext ctx, User user, Account account, Map<String, Object> profile, boolean isNewUser);

  /**
   * Ends the request's session (sign-out), firing the signOut event.
   *
   * @return the ended JWT session's token (database sessions: empty), for federated sign-out
   */
  Optional<JwtClaims> end(ActionContext ctx);
}
