package dev.authjvm.core.internal.session;

import dev.authjvm.core.callback.JwtParams;
import dev.authjvm.core.callback.JwtTrigger;
import dev.authjvm.core.callback.SessionParams;
import dev.authjvm.core.config.AuthConfig;
import dev.authjvm.core.config.ProtocolVersion;
import dev.authjvm.core.http.AuthResponse;
import dev.authjvm.core.http.SetCookie;
import dev.authjvm.core.internal.cookie.SessionCookieChunks;
import dev.authjvm.core.internal.log.Events;
import dev.authjvm.core.internal.route.RequestContext;
import dev.authjvm.core.internal.route.Responses;
import dev.authjvm.core.jwt.JwtClaims;
import dev.authjvm.core.jwt.JwtCodec;
import dev.authjvm.core.session.Session;
import dev.authjvm.core.session.SessionUser;
import dev.authjvm.core.store.SessionRecord;
import dev.authjvm.core.user.User;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sessions kept in an encrypted cookie, re-encrypted with a fresh expiry on every read (a sliding
 * window). v5 salts the key with the cookie name, v4 uses no salt. With {@code upgradeV4Sessions}, a v5
 * server takes a NextAuth v4 session cookie for its own and answers it with a v5 cookie. When the store
 * keeps session records, each session has one, and a session whose record is gone has been revoked.
 */
public final class JwtSessionManager implements SessionManager {
  private final AuthConfig config;
  private final JwtCodec codec;
  private final int chunkSize;
  private final TokenRotation rotation;
  private final FederatedSignOut federated;
  private final V4SessionCookie v4Cookie;
  private final SessionTracker tracker;

  JwtSessionManager(AuthConfig config, JwtCodec codec) {
    this.config = config;
    this.codec = codec;
    this.rotation = new TokenRotation(config);
    this.federated = new FederatedSignOut(config);
    this.v4Cookie = V4SessionCookie.of(config);
    this.tracker = new SessionTracker(config);
    this.chunkSize = config.protocol() == ProtocolVersion.V5 ? SessionCookieChunks.V5_CHUNK_SIZE
        : SessionCookieChunks.V4_CHUNK_SIZE;
  }

  /** A session token that is still live: its lifetime, and its record when sessions are tracked. */
  private record Live(JwtClaims token, Lifetime lifetime, SessionRecord record) {}

  private static String salt(RequestContext ctx) {
    return ctx.protocol() == ProtocolVersion.V5 ? ctx.names().sessionToken() : "";
  }

  @Override
  public boolean hasCookie(RequestContext ctx) {
    return SessionCookieChunks.isPresent(ctx.names().sessionToken(), ctx.cookies()) || v4Cookie.isPresent(ctx);
  }

  /**
   * The token of the request's session cookie, if it decrypts and has not expired; else, when upgrading,
   * that of its v4 session cookie.
   */
  Optional<JwtClaims> decode(RequestContext ctx) {
    Optional<JwtClaims> own = SessionCookieChunks.read(ctx.names().sessionToken(), ctx.cookies())
        .flatMap(t -> codec.decode(t, salt(ctx)));
    return own.isPresent() ? own : v4Cookie.decode(ctx);
  }

  /**
   * The request's session if it is still live: within its absolute lifetime, and not revoked. With
   * {@code adopt}, a tracked server records a token that has no record yet (made before tracking, or by
   * Auth.js), since the answer can give it its id.
   */
  private Optional<Live> live(RequestContext ctx, boolean adopt) {
    Optional<JwtClaims> decoded = decode(ctx);
    if (decoded.isEmpty()) {
      return Optional.empty();
    }
    JwtClaims token = decoded.get();
    Lifetime lifetime = SessionClaims.lifetime(token, config, ctx.now());
    if (token.get(SessionClaims.START) == null) {
      token = token.with(SessionClaims.START, lifetime.startedAt().getEpochSecond());
    }
    String id = SessionClaims.id(token);
    if (lifetime.isOver(ctx.now(), config)) {
      if (id != null) {
        tracker.forget(id);
      }
      return Optional.empty();
    }
    if (!tracker.enabled()) {
      return Optional.of(new Live(token, lifetime, null));
    }
    if (id == null) {
      if (!adopt || token.sub() == null) {
        return Optional.of(new Live(token, lifetime, null));
      }
      String newId = SessionTracker.newId();
      SessionRecord record = tracker.start(ctx, newId, token.sub(), null, lifetime, recordExpires(ctx, lifetime), null);
      return Optional.of(new Live(token.with(SessionClaims.ID, newId), lifetime, record));
    }
    JwtClaims found = token;
    return tracker.find(id).map(record -> new Live(found, lifetime, record));
  }

  /** A record outlives its token by the interval at which it is written, so it is never forgotten first. */
  private Instant recordExpires(RequestContext ctx, Lifetime lifetime) {
    return lifetime.expiresAfter(ctx.now(), config).plus(SessionTracker.SEEN_INTERVAL);
  }

  @Override
  public AuthResponse answer(RequestContext ctx, Object update, boolean isUpdate) {
    if (!hasCookie(ctx)) {
      return signedOut(ctx, List.of());
    }
    Optional<Live> live = live(ctx, true);
    if (live.isEmpty()) {
      return signedOut(ctx, clear(ctx));
    }
    JwtClaims current = rotation.refreshIfDue(live.get().token(), ctx.now());
    JwtClaims updated = withServerUpdate(current, live.get().record(), true);
    JwtClaims token = updated == null ? null : config.callbacks().jwt().jwt(new JwtParams(updated, null, null,
        Map.of(), false, isUpdate ? JwtTrigger.UPDATE : null, update));
    if (token == null) {
      forget(live.get());
      return signedOut(ctx, clear(ctx));
    }
    JwtClaims kept = SessionClaims.carriedOver(updated, token);
    Instant expires = live.get().lifetime().expiresAfter(ctx.now(), config);
    // Both generations answer with the token the callback returned: v5 by design, v4 because its jwt
    // callback changes the decoded token object in place, which its session is then built from.
    Session session = toSession(kept, update, expires);
    List<SetCookie> cookies = issue(ctx, kept, live.get().lifetime());
    if (live.get().record() != null) {
      tracker.seen(live.get().record(), ctx.now(), recordExpires(ctx, live.get().lifetime()), false);
    }
    Events.fire("session", () -> config.events().session(session, kept));
    config.observer().sessionRead(session != null);
    AuthResponse body = session == null ? Responses.noSession(ctx.protocol(), 200) : AuthResponse.json(200, session);
    return body.withCookies(cookies);
  }

  /**
   * The token with the server-side update its record carries, when the token has not seen it: the
   * standard fields set, then the jwt callback called with trigger {@code update} as if the client had sent
   * the data. {@code mark} records in the token that it has seen the update; {@code null} when the callback
   * ends the session.
   */
  private JwtClaims withServerUpdate(JwtClaims token, SessionRecord record, boolean mark) {
    if (record == null || record.updatedAt() == null || record.update() == null) {
      return token;
    }
    Instant seen = SessionClaims.updateSeen(token);
    if (seen != null && !seen.isBefore(record.updatedAt())) {
      return token;
    }
    JwtClaims withFields = StandardFields.applyTo(token, record.update());
    JwtClaims result = config.callbacks().jwt().jwt(new JwtParams(withFields, null, null, Map.of(), false,
        JwtTrigger.UPDATE, record.update()));
    if (result == null) {
      return null;
    }
    result = SessionClaims.carriedOver(token, result);
    return mark ? SessionClaims.withUpdateSeen(result, record.updatedAt()) : result;
  }

  private AuthResponse signedOut(RequestContext ctx, List<SetCookie> cookies) {
    config.observer().sessionRead(false);
    return Responses.noSession(ctx.protocol(), 200).withCookies(cookies);
  }

  /** Read-only: tokens are not refreshed here, since a refreshed token could not be written back. */
  @Override
  public Optional<Session> read(RequestContext ctx) {
    return live(ctx, false).flatMap(live -> Optional.ofNullable(withServerUpdate(live.token(), live.record(), false))
        .map(token -> config.callbacks().jwt().jwt(JwtParams.read(token)))
        .map(token -> toSession(token, null, live.lifetime().expiresAfter(ctx.now(), config))));
  }

  @Override
  public Optional<User> currentUser(RequestContext ctx) {
    return config.store().flatMap(store -> live(ctx, false).map(l -> l.token().sub()).flatMap(store::getUser));
  }

  @Override
  public Optional<String> currentSessionId(RequestContext ctx) {
    return live(ctx, false).filter(l -> l.record() != null).map(l -> l.record().id());
  }

  @Override
  public List<SetCookie> start(RequestContext ctx, NewSession s) {
    Lifetime lifetime = Lifetime.choose(config, s.user(), s.account(), s.rememberMe(), ctx.now());
    String id = tracker.enabled() ? SessionTracker.newId() : null;
    JwtClaims initial = SessionClaims.started(federated.withIdToken(
        rotation.withAccountTokens(initialToken(s.user()), s.account()), s.account()), id, lifetime, config);
    JwtClaims token = config.callbacks().jwt().jwt(new JwtParams(initial, s.user(), s.account(), s.profile(),
        s.isNewUser(), s.isNewUser() ? JwtTrigger.SIGN_UP : JwtTrigger.SIGN_IN, null));
    if (token == null) {
      return clear(ctx);
    }
    if (id != null) {
      tracker.start(ctx, id, s.user().id(), s.account(), lifetime, recordExpires(ctx, lifetime), null);
    }
    return issue(ctx, SessionClaims.carriedOver(initial, token), lifetime);
  }

  @Override
  public Ended end(RequestContext ctx) {
    JwtClaims token = decode(ctx).orElse(null);
    if (token != null && SessionClaims.id(token) != null) {
      tracker.forget(SessionClaims.id(token));
    }
    List<SetCookie> cookies = clear(ctx);
    Events.fire("signOut", () -> config.events().signOut(token, null));
    return new Ended(cookies, token == null ? Optional.empty() : federated.url(token, ctx.callbackUrl()));
  }

  private void forget(Live live) {
    if (live.record() != null) {
      tracker.forget(live.record().id());
    }
  }

  /**
   * Encrypts the token into the session cookie (chunked when large), valid until the session's lifetime
   * runs out; a cookie that outlives the browser unless the user chose not to be remembered. A v4 session
   * cookie the request still has is cleared, so that it cannot outlive this session.
   */
  private List<SetCookie> issue(RequestContext ctx, JwtClaims token, Lifetime lifetime) {
    Instant expires = lifetime.expiresAfter(ctx.now(), config);
    String jwt = codec.encode(token, Duration.between(ctx.now(), expires), salt(ctx));
    List<SetCookie> cookies = new ArrayList<>(SessionCookieChunks.write(ctx.names().sessionToken(), jwt,
        lifetime.persistent() ? expires : null, chunkSize, ctx.cookies(), ctx.cookieFactory()));
    cookies.addAll(v4Cookie.clear(ctx));
    return cookies;
  }

  private List<SetCookie> clear(RequestContext ctx) {
    List<SetCookie> cookies = new ArrayList<>(
        SessionCookieChunks.clear(ctx.names().sessionToken(), ctx.cookies(), ctx.cookieFactory()));
    cookies.addAll(v4Cookie.clear(ctx));
    return cookies;
  }

  /** The token a sign-in starts with: {@code name}, {@code email}, {@code picture}, {@code sub}. */
  static JwtClaims initialToken(User user) {
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("name", user.name());
    claims.put("email", user.email());
    claims.put("picture", user.image());
    claims.put("sub", user.id());
    return JwtClaims.of(claims);
  }

  private Session toSession(JwtClaims token, Object update, Instant expires) {
    Session session = new Session(new SessionUser(token.name(), token.email(), token.picture()), expires);
    if (token.get(TokenRotation.ERROR) != null) {
      session = session.with(TokenRotation.ERROR, token.get(TokenRotation.ERROR));
    }
    return config.callbacks().session().session(new SessionParams(session, token, null, update));
  }
}
