package dev.authjvm.core.internal.session;

import dev.authjvm.core.config.AuthConfig;
import dev.authjvm.core.config.ProtocolVersion;
import dev.authjvm.core.http.SetCookie;
import dev.authjvm.core.internal.cookie.CookieNames;
import dev.authjvm.core.internal.cookie.SessionCookieChunks;
import dev.authjvm.core.internal.route.RequestContext;
import dev.authjvm.core.jwt.JweFormat;
import dev.authjvm.core.jwt.JwtClaims;
import dev.authjvm.core.jwt.JwtCodec;
import java.util.List;
import java.util.Optional;

/**
 * The NextAuth v4 session cookie ({@code next-auth.session-token}, or its {@code __Secure-} form) as a v5
 * server with {@code upgradeV4Sessions} reads it: a session the request still carries from a v4 app, to be
 * answered with the v5 cookie and cleared. Without the setting the request never has one.
 */
final class V4SessionCookie {
  private final boolean enabled;
  private final JwtCodec v4Codec;

  private V4SessionCookie(boolean enabled, JwtCodec v4Codec) {
    this.enabled = enabled;
    this.v4Codec = v4Codec;
  }

  static V4SessionCookie of(AuthConfig config) {
    if (!config.upgradeV4Sessions()) {
      return new V4SessionCookie(false, null);
    }
    // v4 derives the session key with an empty salt and encrypts with A256GCM.
    return new V4SessionCookie(true, new JwtCodec(config.secrets(), JweFormat.V4, config.clock(), List.of("")));
  }

  private static String name(RequestContext ctx) {
    return CookieNames.of(ProtocolVersion.V4, ctx.secure()).sessionToken();
  }

  boolean isPresent(RequestContext ctx) {
    return enabled && SessionCookieChunks.isPresent(name(ctx), ctx.cookies());
  }

  /** The cookie's value, its chunks joined: a session token for database sessions. */
  Optional<String> value(RequestContext ctx) {
    return enabled ? SessionCookieChunks.read(name(ctx), ctx.cookies()) : Optional.empty();
  }

  /** The cookie's token, if it decrypts with one of the secrets under the v4 derivation and has not expired. */
  Optional<JwtClaims> decode(RequestContext ctx) {
    return value(ctx).flatMap(token -> v4Codec.decode(token, ""));
  }

  /** Deletions of the cookie and its chunks, when the request has them. */
  List<SetCookie> clear(RequestContext ctx) {
    return isPresent(ctx) ? SessionCookieChunks.clear(name(ctx), ctx.cookies(), ctx.cookieFactory()) : List.of();
  }
}
