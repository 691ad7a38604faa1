package dev.authjvm.core.internal.cookie;

import dev.authjvm.core.http.SetCookie;
import dev.authjvm.core.jwt.JwtClaims;
import dev.authjvm.core.jwt.JwtCodec;
import dev.authjvm.core.provider.CheckCookies;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Check cookies as Auth.js writes them: a JWE (salt = cookie name) of {@code {"value", "provider"}},
 * 15 minutes. Reading one set by another provider gives nothing (https://github.com/nextauthjs/next-auth/pull/13469).
 */
public final class EncryptedCheckCookies implements CheckCookies {
  private static final Logger LOG = LoggerFactory.getLogger(EncryptedCheckCookies.class);
  private final CookieNames names;
  private final CookieFactory factory;
  private final Map<String, String> requestCookies;
  private final Instant now;
  private final JwtCodec codec;
  private final String providerId;

  public EncryptedCheckCookies(CookieNames names, CookieFactory factory, Map<String, String> requestCookies, Instant now,
                               JwtCodec codec, String providerId) {
    this.names = names;
    this.factory = factory;
    this.requestCookies = requestCookies;
    this.now = now;
    this.codec = codec;
    this.providerId = providerId;
  }

  @Override
  public String name(String check) {
    return switch (check) {
      case "state" -> names.state();
      case "nonce" -> names.nonce();
      case "pkce", "pkce.code_verifier" -> names.pkceCodeVerifier();
      default -> throw new IllegalArgumentException("unknown check: " + check);
    };
  }

  @Override
  public SetCookie create(String check, String value) {
    String name = name(check);
    String jwe = codec.encode(JwtClaims.of(Map.of("value", value, "provider", providerId)), MAX_AGE, name);
    return factory.shortLived(name, jwe, now, MAX_AGE);
  }

  @Override
  public SetCookie createForCrossSitePost(String check, String value) {
    String name = name(check);
    String jwe = codec.encode(JwtClaims.of(Map.of("value", value, "provider", providerId)), MAX_AGE, name);
    return factory.shortLivedCrossSite(name, jwe, now, MAX_AGE);
  }

  /** Logs exactly why a check fails: a bare "InvalidCheck" is what Auth.js users struggle to diagnose. */
  @Override
  public Optional<String> read(String check) {
    String name = name(check);
    return readBound(codec, name, requestCookies.get(name), providerId, "InvalidCheck", "the browser did not send it "
        + "back (another host or scheme than at sign-in, a SameSite=Lax cookie on a cross-site POST, or cookies blocked)")
        .map(claims -> claims.string("value"));
  }

  /**
   * The claims of a provider-bound cookie: empty, with the reason logged under {@code [auth][<tag>]}, when it
   * is absent, does not decrypt (expired, or another secret), or was set by another provider.
   */
  static Optional<JwtClaims> readBound(JwtCodec codec, String name, String raw, String providerId, String tag,
                                       String whyAbsent) {
    if (raw == null) {
      LOG.warn("[auth][{}] {} cookie {} is absent: {}", tag, providerId, name, whyAbsent);
      return Optional.empty();
    }
    Optional<JwtClaims> claims = codec.decode(raw, name);
    if (claims.isEmpty()) {
      LOG.warn("[auth][{}] {} cookie {} did not decrypt: older than {} min, or made with another secret",
          tag, providerId, name, MAX_AGE.toMinutes());
      return Optional.empty();
    }
    if (!providerId.equals(claims.get().string("provider"))) {
      LOG.warn("[auth][{}] {} cookie {} was set by provider '{}': a sign-in started with another provider",
          tag, providerId, name, claims.get().string("provider"));
      return Optional.empty();
    }
    return claims;
  }

  @Override
  public SetCookie delete(String check) {
    return factory.deletion(name(check));
  }
}
