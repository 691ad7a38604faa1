package dev.authjvm.core.internal.session;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
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
import dev.authjvm.core.store.SessionRecord;
import dev.authjvm.core.store.StoredSession;
import dev.authjvm.core.user.User;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Sessions kept in a store, with a random token in the cookie. The expiry is written back at most
 * once per {@code updateAge}; the cookie's expiry slides on every read. A store failure propagates
 * (answered as a server error) and never clears the cookie, so nothing is lost while the store is down.
 * When the store keeps session records, each session has one, read at most once per
 * {@link SessionTracker#SEEN_INTERVAL} per instance: its lifetime and start are in it, and revoking a
 * session deletes it from the store, which the next read sees.
 */
public final class DatabaseSessionManager implements SessionManager {
  private static final int RECENT_RECORDS = 100_000;
  private final AuthConfig config;
  private final AuthStore store;
  private final V4SessionCookie v4Cookie;
  private final SessionTracker tracker;
  private final Cache<String, SessionRecord> recentRecords;

  DatabaseSessionManager(AuthConfig config, AuthStore store) {
    this.config = config;
    this.store = store;
    this.v4Cookie = V4SessionCookie.of(config);
    this.tracker = new SessionTracker(config);
    this.recentRecords = Caffeine.newBuilder().maximumSize(RECENT_RECORDS)
        .expireAfterWrite(SessionTracker.SEEN_INTERVAL).build();
  }

  /** A stored session that is still live, with its lifetime and, when tracked, its record. */
  private record Live(SessionAndUser found, Lifetime lifetime, SessionRecord record) {
    StoredSession session() {
      return found.session();
    }
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

  /** The live session of the request; an expired one, or one past its absolute lifetime, is deleted on the way. */
  private Optional<Live> current(RequestContext ctx) {
    Optional<String> token = sessionToken(ctx);
    if (token.isEmpty()) {
      return Optional.empty();
    }
    Optional<SessionAndUser> found = store.getSessionAndUser(token.get());
    if (found.isEmpty()) {
      return Optional.empty();
    }
    StoredSession stored = found.get().session();
    if (stored.expires().isBefore(ctx.now())) {
      delete(stored.sessionToken());
      return Optional.empty();
    }
    SessionRecord record = tracker.enabled() ? record(ctx, stored) : null;
    Lifetime lifetime = record != null ? tracker.lifetimeOf(record)
        : new Lifetime(config.sessionMaxAge(), true, ctx.now());
    if (lifetime.isOver(ctx.now(), config)) {
      delete(stored.sessionToken());
      return Optional.empty();
    }
    return Optional.of(new Live(found.get(), lifetime, record));
  }

  /**
   * The session's record: as read lately by this instance, else from the store (written as seen now), else
   * made now for a session stored before tracking began.
   */
  private SessionRecord record(RequestContext ctx, StoredSession stored) {
    String id = SessionTracker.idOfToken(stored.sessionToken());
    SessionRecord recent = recentRecords.getIfPresent(id);
    if (recent != null) {
      return recent;
    }
    SessionRecord record = tracker.find(id)
        .map(r -> tracker.seen(r, ctx.now(), stored.expires(), false))
        .orElseGet(() -> tracker.start(ctx, id, stored.userId(), null,
            new Lifetime(config.sessionMaxAge(), true, ctx.now()), stored.expires(), stored.sessionToken()));
    recentRecords.put(id, record);
    return record;
  }

  @Override
  public AuthResponse answer(RequestContext ctx, Object update, boolean isUpdate) {
    Optional<Live> live = current(ctx);
    if (live.isEmpty()) {
      config.observer().sessionRead(false);
      AuthResponse none = Responses.noSession(ctx.protocol(), 200);
      return hasCookie(ctx) ? none.withCookies(clear(ctx)) : none;
    }
    StoredSession stored = live.get().session();
    Lifetime lifetime = live.get().lifetime();
    Instant newExpiry = lifetime.expiresAfter(ctx.now(), config);
    if (!stored.expires().minus(lifetime.maxAge()).plus(lifetime.updateAge(config)).isAfter(ctx.now())) {
      store.updateSession(stored.sessionToken(), newExpiry);
      if (live.get().record() != null) {
        recentRecords.put(live.get().record().id(), tracker.seen(live.get().record(), ctx.now(), newExpiry, true));
      }
    }
    // As Auth.js: the body reports the expiry as read; the cookie slides on every read.
    Session session = toSession(live.get().found(), update);
    SetCookie cookie = ctx.cookieFactory().expiringAt(ctx.names().sessionToken(), stored.sessionToken(),
        lifetime.persistent() ? newExpiry : null);
    Events.fire("session", () -> config.events().session(session, null));
    config.observer().sessionRead(session != null);
    AuthResponse body = session == null ? Responses.noSession(ctx.protocol(), 200) : AuthResponse.json(200, session);
    return body.withCookies(withV4Cleared(ctx, cookie));
  }

  @Override
  public Optional<Session> read(RequestContext ctx) {
    return current(ctx).map(live -> toSession(live.found(), null));
  }

  @Override
  public Optional<User> currentUser(RequestContext ctx) {
    return current(ctx).map(live -> live.found().user());
  }

  @Override
  public Optional<String> currentSessionId(RequestContext ctx) {
    return current(ctx).filter(live -> live.record() != null).map(live -> live.record().id());
  }

  @Override
  public List<SetCookie> start(RequestContext ctx, NewSession s) {
    // Without records a session could not keep its own lifetime past its first extension.
    Lifetime lifetime = tracker.enabled() ? Lifetime.choose(config, s.user(), s.account(), s.rememberMe(), ctx.now())
        : new Lifetime(config.sessionMaxAge(), true, ctx.now());
    StoredSession session = store.createSession(new StoredSession(UUID.randomUUID().toString(), s.user().id(),
        lifetime.expiresAfter(ctx.now(), config)));
    if (tracker.enabled()) {
      tracker.start(ctx, SessionTracker.idOfToken(session.sessionToken()), s.user().id(), s.account(), lifetime,
          session.expires(), session.sessionToken());
    }
    return withV4Cleared(ctx, ctx.cookieFactory().expiringAt(ctx.names().sessionToken(), session.sessionToken(),
        lifetime.persistent() ? session.expires() : null));
  }

  @Override
  public Ended end(RequestContext ctx) {
    Optional<StoredSession> deleted = sessionToken(ctx).flatMap(this::delete);
    Events.fire("signOut", () -> config.events().signOut(null, deleted.orElse(null)));
    return new Ended(clear(ctx), Optional.empty());
  }

  /** Deletes the session and its record. */
  private Optional<StoredSession> delete(String sessionToken) {
    Optional<StoredSession> deleted = store.deleteSession(sessionToken);
    if (tracker.enabled()) {
      String id = SessionTracker.idOfToken(sessionToken);
      recentRecords.invalidate(id);
      tracker.forget(id);
    }
    return deleted;
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
