package dev.authjvm.core.internal.cookie;

import dev.authjvm.core.http.SetCookie;
import dev.authjvm.core.jwt.JwtClaims;
import dev.authjvm.core.jwt.JwtCodec;
import dev.authjvm.core.provider.CheckCookies;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The WebAuthn challenge cookie ({@code authjs.challenge}, {@code __Secure-} on https): a JWE (salt = cookie
 * name) of the challenge, the provider it was made for and what the ceremony needs back, valid 15 minutes
 * as Auth.js's. A cookie made for another provider reads as absent, as check cookies do
 * (https://github.com/nextauthjs/next-auth/pull/13469). Only this server reads it, so its payload is ours.
 */
public final class ChallengeCookie {
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
    return EncryptedCheckCookies.readBound(codec, name, requestCookies.get(name), providerId,
        "WebAuthnVerificationError", "no options were fetched in this browser, or on another host or scheme");
  }

  /** The deletion of the cookie, after a callback whatever its outcome. */
  public SetCookie delete() {
    return factory.deletion(names.webauthnChallenge());
  }
}
