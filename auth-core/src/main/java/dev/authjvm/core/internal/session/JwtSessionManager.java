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
import dev.authjvm.core.user.Account;
import dev.authjvm.core.user.User;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sessions kept in an encrypted cookie, re-encrypted with a fresh expiry on every read (a sliding
 * window). v5 salts the key with the cookie name, v4 uses no salt. With {@code upgradeV4Sessions}, a v5
 * server takes a NextAuth v4 session cookie for its own and answers it with a v5 cookie.
 */
public final class JwtSessionManager implements SessionManager {
  private final AuthConfig config;
  private final JwtCodec codec;
  private final int chunkSize;
  private final TokenRotation rotation;
  private final FederatedSignOut federated;
  private final V4SessionCookie v4Cookie;

  JwtSessionManager(AuthConfig config, JwtCodec codec) {
    this.config = config;
    this.codec = codec;
    this.rotation = new TokenRotation(config);
    this.federated = new FederatedSignOut(config);
    this.v4Cookie = V4SessionCookie.of(config);
    this.chunkSize = config.protocol() == ProtocolVersion.V5 ? SessionCookieChunks.V5_CHUNK_SIZE
        : SessionCookieChunks.V4_CHUNK_SIZE;
  }

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

  @Override
  public AuthResponse answer(RequestContext ctx, Object update, boolean isUpdate) {
    if (!hasCookie(ctx)) {
      return signedOut(ctx, List.of());
    }
    Optional<JwtClaims> decoded = decode(ctx);
    if (decoded.isEmpty()) {
      return signedOut(ctx, clear(ctx));
    }
    JwtClaims current = rotation.refreshIfDue(decoded.get(), ctx.now());
    JwtClaims token = config.callbacks().jwt().jwt(new JwtParams(current, null, null, Map.of(), false,
        isUpdate ? JwtTrigger.UPDATE : null, update));
    if (token == null) {
      return signedOut(ctx, clear(ctx));
    }
    // Both generations answer with the token the callback returned: v5 by design, v4 because its jwt
    // callback changes the decoded token object in place, which its session is then built from.
    Session session = toSession(ctx, token, update);
    List<SetCookie> cookies = issue(ctx, token);
    Events.fire("session", () -> config.events().session(session, token));
    config.observer().sessionRead(session != null);
    AuthResponse body = session == null ? Responses.noSession(ctx.protocol(), 200) : AuthResponse.json(200, session);
    return body.withCookies(cookies);
  }

  private AuthResponse signedOut(RequestContext ctx, List<SetCookie> cookies) {
    config.observer().sessionRead(false);
    return Responses.noSession(ctx.protocol(), 200).withCookies(cookies);
  }

  /** Read-only: tokens are not refreshed here, since a refreshed token could not be written back. */
  @Override
  public Optional<Session> read(RequestContext ctx) {
    return decode(ctx)
        .map(token -> config.callbacks().jwt().jwt(JwtParams.read(token)))
        .map(token -> toSession(ctx, token, null));
  }

  @Override
  public Optional<User> currentUser(RequestContext ctx) {
    return config.store().flatMap(store -> decode(ctx).map(JwtClaims::sub).flatMap(store::getUser));
  }

  @Override
  public List<SetCookie> start(RequestContext ctx, User user, Account account, Map<String, Object> profile,
                               boolean isNewUser) {
    JwtClaims initial = federated.withIdToken(rotation.withAccountTokens(initialToken(user), account), account);
    JwtClaims token = config.callbacks().jwt().jwt(new JwtParams(initial, user, account, profile, isNewUser,
        isNewUser ? JwtTrigger.SIGN_UP : JwtTrigger.SIGN_IN, null));
    return token == null ? clear(ctx) : issue(ctx, token);
  }

  @Override
  public Ended end(RequestContext ctx) {
    JwtClaims token = decode(ctx).orElse(null);
    List<SetCookie> cookies = clear(ctx);
    Events.fire("signOut", () -> config.events().signOut(token, null));
    return new Ended(cookies, token == null ? Optional.empty() : federated.url(token, ctx.callbackUrl()));
  }

  /**
   * Encrypts the token into the session cookie (chunked when large), valid for {@code maxAge}; a v4
   * session cookie the request still has is cleared, so that it cannot outlive this session.
   */
  private List<SetCookie> issue(RequestContext ctx, JwtClaims token) {
    String jwt = codec.encode(token, config.sessionMaxAge(), salt(ctx));
    Instant expires = ctx.now().plus(config.sessionMaxAge());
    List<SetCookie> cookies = new ArrayList<>(SessionCookieChunks.write(ctx.names().sessionToken(), jwt, expires,
        chunkSize, ctx.cookies(), ctx.cookieFactory()));
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

  private Session toSession(RequestContext ctx, JwtClaims token, Object update) {
    Session session = new Session(new SessionUser(token.name(), token.email(), token.picture()),
        ctx.now().plus(config.sessionMaxAge()));
    if (token.get(TokenRotation.ERROR) != null) {
      session = session.with(TokenRotation.ERROR, token.get(TokenRotation.ERROR));
    }
    return config.callbacks().session().session(new SessionParams(session, token, null, update));
  }
}
