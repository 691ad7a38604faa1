package dev.authjvm.core.internal.session;

import dev.authjvm.core.callback.SessionParams;
import dev.authjvm.core.config.AuthConfig;
import dev.authjvm.core.http.AuthResponse;
import dev.authjvm.core.http.SetCookie;
import dev.authjvm.core.internal.log.Events;
import dev.authjvm.core.internal.route.RequestContext;
import dev.authjvm.core.internal.route.Responses;
import dev.authjvm.core.session.Session;
import dev.authjvm.core.session.SessionUser;
import dev.authjvm.core.store.AuthStore;
import dev.authjvm.core.store.SessionAndUser;
import dev.authjvm.core.store.StoredSession;
import dev.authjvm.core.user.Account;
import dev.authjvm.core.user.User;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Sessions kept in a store, with a random token in the cookie. The expiry is written back at most
 * once per {@code updateAge}; the cookie's expiry slides on every read. A store failure propagates
 * (answered as a server error) and never clears the cookie, so nothing is lost while the store is down.
 */
public final class DatabaseSessionManager implements SessionManager {
  private final AuthConfig config;
  private final AuthStore store;
  private final V4SessionCookie v4Cookie;

  DatabaseSessionManager(AuthConfig config, AuthStore store) {
    this.config = config;
    this.store = store;
    this.v4Cookie = V4SessionCookie.of(config);
  }

  @Override
  public boolean hasCookie(RequestContext ctx) {
    return sessionToken(ctx).isPresent();
  }

  /** The session token of the request's cookie; else, when upgrading, that of its v4 session cookie. */
  private Optional<String> sessionToken(RequestContext ctx) {
    String token = ctx.cookies().get(ctx.names().sessionToken());
    return token != null && !token.isEmpty() ? Optional.of(token) : v4Cookie.value(ctx);
  }

  /** The live session of the request; an expired one is deleted on the way. */
  private Optional<SessionAndUser> current(RequestContext ctx) {
    Optional<String> token = sessionToken(ctx);
    if (token.isEmpty()) {
      return Optional.empty();
    }
    Optional<SessionAndUser> found = store.getSessionAndUser(token.get());
    if (found.isPresent() && found.get().session().expires().isBefore(ctx.now())) {
      store.deleteSession(found.get().session().sessionToken());
      return Optional.empty();
    }
    return found;
  }

  @Override
  public AuthResponse answer(RequestContext ctx, Object update, boolean isUpdate) {
    Optional<SessionAndUser> found = current(ctx);
    if (found.isEmpty()) {
      config.observer().sessionRead(false);
      AuthResponse none = Responses.noSession(ctx.protocol(), 200);
      return hasCookie(ctx) ? none.withCookies(clear(ctx)) : none;
    }
    StoredSession stored = found.get().session();
    Instant newExpiry = ctx.now().plus(config.sessionMaxAge());
    if (!stored.expires().minus(config.sessionMaxAge()).plus(config.sessionUpdateAge()).isAfter(ctx.now())) {
      store.updateSession(stored.sessionToken(), newExpiry);
    }
    // As Auth.js: the body reports the expiry as read; the cookie slides on every read.
    Session session = toSession(found.get(), update);
    SetCookie cookie = ctx.cookieFactory().expiringAt(ctx.names().sessionToken(), stored.sessionToken(), newExpiry);
    Events.fire("session", () -> config.events().session(session, null));
    config.observer().sessionRead(session != null);
    AuthResponse body = session == null ? Responses.noSession(ctx.protocol(), 200) : AuthResponse.json(200, session);
    return body.withCookies(withV4Cleared(ctx, cookie));
  }

  @Override
  public Optional<Session> read(RequestContext ctx) {
    return current(ctx).map(found -> toSession(found, null));
  }

  @Override
  public Optional<User> currentUser(RequestContext ctx) {
    return current(ctx).map(SessionAndUser::user);
  }

  @Override
  public List<SetCookie> start(RequestContext ctx, User user, Account account, Map<String, Object> profile,
                               boolean isNewUser) {
    StoredSession session = store.createSession(new StoredSession(UUID.randomUUID().toString(), user.id(),
        ctx.now().plus(config.sessionMaxAge())));
    return withV4Cleared(ctx,
        ctx.cookieFactory().expiringAt(ctx.names().sessionToken(), session.sessionToken(), session.expires()));
  }

  @Override
  public Ended end(RequestContext ctx) {
    Optional<StoredSession> deleted = sessionToken(ctx).flatMap(store::deleteSession);
    Events.fire("signOut", () -> config.events().signOut(null, deleted.orElse(null)));
    return new Ended(clear(ctx), Optional.empty());
  }

  private List<SetCookie> clear(RequestContext ctx) {
    return withV4Cleared(ctx, ctx.cookieFactory().deletion(ctx.names().sessionToken()));
  }

  /** The cookie, and deletions of a v4 session cookie the request still has, so that it cannot outlive this one. */
  private List<SetCookie> withV4Cleared(RequestContext ctx, SetCookie cookie) {
    List<SetCookie> cookies = new ArrayList<>(List.of(cookie));
    cookies.addAll(v4Cookie.clear(ctx));
    return cookies;
  }

  private Session toSession(SessionAndUser found, Object update) {
    User u = found.user();
    Session session = new Session(new SessionUser(u.name(), u.email(), u.image()), found.session().expires());
    return config.callbacks().session().session(new SessionParams(session, null, u, update));
  }
}
