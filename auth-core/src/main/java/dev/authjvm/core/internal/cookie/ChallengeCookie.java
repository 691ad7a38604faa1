package dev.authjvm.core.internal.cookie;

import dev.authjvm.core.http.SetCookie;
import dev.authjvm.core.jwt.JwtClaims;
import dev.authjvm.core.jwt.JwtCodec;
import dev.authjvm.core.provider.CheckCookies;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WebAuthn challenge cookie ({@code authjs.challenge}, {@code __Secure-} on https): a JWE (salt = cookie
 * name) of the challenge, the provider it was made for and what the ceremony needs back, valid 15 minutes
 * as Auth.js's. A cookie made for another provider reads as absent, as check cookies do
 * (https://github.com/nextauthjs/next-auth/pull/13469). Only this server reads it, so its payload is ours.
 */
public final class ChallengeCookie {
  private static final Logger LOG = LoggerFactory.getLogger(ChallengeCookie.class);
  private final CookieNames names;
  private final CookieFactory factory;
  private final JwtCodec codec;

  public ChallengeCookie(CookieNames names, CookieFactory factory, JwtCodec codec) {
    this.names = names;
    this.factory = factory;
    this.codec = codec;
  }

  /** A cookie holding {@code claims} (at least {@code value}, the challenge) for this provider. */
  public SetCookie create(String providerId, Map<String, Object> claims, Instant now) {
    Map<String, Object> payload = new HashMap<>(claims);
    payload.put("provider", providerId);
    String jwe = codec.encode(JwtClaims.of(payload), CheckCookies.MAX_AGE, names.webauthnChallenge());
    return factory.shortLived(names.webauthnChallenge(), jwe, now, CheckCookies.MAX_AGE);
  }

  /** The claims of the request's cookie, if present, decryptable, unexpired and made for this provider; logs why not. */
  public Optional<JwtClaims> read(Map<String, String> requestCookies, String providerId) {
    String name = names.webauthnChallenge();
    String raw = requestCookies.get(name);
    if (raw == null) {
      LOG.warn("[auth][WebAuthnVerificationError] {} cookie {} is absent: no options were fetched in this browser, "
          + "or on another host or scheme", providerId, name);
      return Optional.empty();
    }
    Optional<JwtClaims> claims = codec.decode(raw, name);
    if (claims.isEmpty()) {
      LOG.warn("[auth][WebAuthnVerificationError] {} cookie {} did not decrypt: older than {} min, or made with "
          + "another secret", providerId, name, CheckCookies.MAX_AGE.toMinutes());
      return Optional.empty();
    }
    if (!providerId.equals(claims.get().string("provider"))) {
      LOG.warn("[auth][WebAuthnVerificationError] {} cookie {} was made for provider '{}'", providerId, name,
          claims.get().string("provider"));
      return Optional.empty();
    }
    return claims;
  }

  /** The deletion of the cookie, after a callback whatever its outcome. */
  public SetCookie delete() {
    return factory.deletion(names.webauthnChallenge());
  }
}
