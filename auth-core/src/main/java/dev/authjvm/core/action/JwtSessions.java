package dev.authjvm.core.action;

import dev.authjvm.core.callback.JwtParams;
import dev.authjvm.core.callback.SessionParams;
import dev.authjvm.core.config.AuthConfig;
import dev.authjvm.core.config.ProtocolVersion;
import dev.authjvm.core.cookie.CookieNames;
import dev.authjvm.core.cookie.SessionCookieChunks;
import dev.authjvm.core.jwt.JweFormat;
import dev.authjvm.core.jwt.JwtClaims;
import dev.authjvm.core.jwt.JwtCodec;
import dev.authjvm.core.session.Session;
import dev.authjvm.core.session.SessionUser;
import dev.authjvm.core.user.User;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sessions kept in an encrypted cookie. v5 salts the key with the cookie name, v4 uses no salt;
 * both keys are derived here, at start-up, for the plain and the {@code __Secure-} name.
 */
final class JwtSessions {
  private final AuthConfig config;
  private final JwtCodec codec;
  private final int chunkSize;

  JwtSessions(AuthConfig config, CookieNames plain, CookieNames secure) {
    this.config = config;
    boolean v5 = config.protocol() == ProtocolVersion.V5;
    List<String> salts = v5 ? List.of(plain.sessionToken(), secure.sessionToken()) : List.of("");
    this.codec = new JwtCodec(config.secrets(), v5 ? JweFormat.V5 : JweFormat.V4, config.clock(), salts);
    this.chunkSize = v5 ? SessionCookieChunks.V5_CHUNK_SIZE : SessionCookieChunks.V4_CHUNK_SIZE;
  }

  JwtCodec codec() {
    return codec;
  }

  String salt(ActionContext ctx) {
    return ctx.protocol() == ProtocolVersion.V5 ? ctx.names.sessionToken() : "";
  }

  boolean hasCookie(ActionContext ctx) {
    return SessionCookieChunks.isPresent(ctx.names.sessionToken(), ctx.cookies);
  }

  /** The token of the request's session cookie, if it decrypts and has not expired. */
  Optional<JwtClaims> decode(ActionContext ctx) {
    return SessionCookieChunks.read(ctx.names.sessionToken(), ctx.cookies).flatMap(t -> codec.decode(t, salt(ctx)));
  }

  /** Encrypts the token into the session cookie (chunked when large), valid for {@code maxAge}. */
  void issue(ActionContext ctx, JwtClaims token) {
    String jwt = codec.encode(token, config.sessionMaxAge(), salt(ctx));
    Instant expires = ctx.now.plus(config.sessionMaxAge());
    ctx.setCookies(SessionCookieChunks.write(ctx.names.sessionToken(), jwt, expires, chunkSize, ctx.cookies, ctx.cookieFactory));
  }

  void clear(ActionContext ctx) {
    ctx.setCookies(SessionCookieChunks.clear(ctx.names.sessionToken(), ctx.cookies, ctx.cookieFactory));
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

  /** The session shown to the browser, from a token; runs the session callback. */
  Session toSession(ActionContext ctx, JwtClaims token, Object update) {
    Session session = new Session(new SessionUser(token.name(), token.email(), token.picture()),
        ctx.now.plus(config.sessionMaxAge()));
    return config.callbacks().session().session(new SessionParams(session, token, null, update));
  }

  /** The request's session without touching cookies: the server-side {@code auth()}. */
  Optional<Session> read(ActionContext ctx) {
    return decode(ctx)
        .map(token -> config.callbacks().jwt().jwt(JwtParams.read(token)))
        .map(token -> toSession(ctx, token, null));
  }
}
