package dev.authjvm.core.action;

import dev.authjvm.core.http.SetCookie;
import dev.authjvm.core.jwt.JwtClaims;
import dev.authjvm.core.jwt.JwtCodec;
import dev.authjvm.core.provider.CheckCookies;
import java.util.Map;
import java.util.Optional;

/**
 * Check cookies as Auth.js writes them: a JWE (salt = cookie name) of {@code {"value", "provider"}},
 * 15 minutes. Reading one set by another provider gives nothing (Auth.js PR #13469).
 */
final class EncryptedCheckCookies implements CheckCookies {
  private final ActionContext ctx;
  private final JwtCodec codec;
  private final String providerId;

  EncryptedCheckCookies(ActionContext ctx, JwtCodec codec, String providerId) {
    this.ctx = ctx;
    this.codec = codec;
    this.providerId = providerId;
  }

  @Override
  public String name(String check) {
    return switch (check) {
      case "state" -> ctx.names.state();
      case "nonce" -> ctx.names.nonce();
      case "pkce", "pkce.code_verifier" -> ctx.names.pkceCodeVerifier();
      default -> throw new IllegalArgumentException("unknown check: " + check);
    };
  }

  @Override
  public SetCookie create(String check, String value) {
    String name = name(check);
    String jwe = codec.encode(JwtClaims.of(Map.of("value", value, "provider", providerId)), MAX_AGE, name);
    return ctx.cookieFactory.shortLived(name, jwe, ctx.now, MAX_AGE);
  }

  @Override
  public Optional<String> read(String check) {
    String name = name(check);
    return Optional.ofNullable(ctx.cookies.get(name))
        .flatMap(v -> codec.decode(v, name))
        .filter(claims -> providerId.equals(claims.string("provider")))
        .map(claims -> claims.string("value"));
  }

  @Override
  public SetCookie delete(String check) {
    return ctx.cookieFactory.deletion(name(check));
  }
}
