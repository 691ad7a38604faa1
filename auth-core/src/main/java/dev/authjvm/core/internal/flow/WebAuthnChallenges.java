package dev.authjvm.core.internal.flow;

import dev.authjvm.core.http.SetCookie;
import dev.authjvm.core.internal.cookie.ChallengeCookie;
import dev.authjvm.core.internal.route.RequestContext;
import dev.authjvm.core.jwt.JwtClaims;
import dev.authjvm.core.jwt.JwtCodec;
import dev.authjvm.core.provider.CheckCookies;
import dev.authjvm.core.store.AuthStore;
import dev.authjvm.core.store.VerificationToken;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The challenges of WebAuthn ceremonies. Each travels in the browser's encrypted challenge cookie (so it
 * belongs to that browser and that provider), and is also registered in the store as a single-use token,
 * spent by the callback whatever its outcome: a replayed request, cookie and all, finds it spent. Auth.js
 * relies on the cookie alone, so a captured request could be replayed for 15 minutes with passkeys whose
 * signature counter stays 0 (synced passkeys), which the counter check cannot catch.
 */
final class WebAuthnChallenges {
  private static final Logger LOG = LoggerFactory.getLogger(WebAuthnChallenges.class);
  private static final SecureRandom RANDOM = new SecureRandom();
  private final AuthStore store;
  private final JwtCodec codec;

  WebAuthnChallenges(AuthStore store, JwtCodec codec) {
    this.store = store;
    this.codec = codec;
  }

  /** A challenge the browser has yet to answer: what it was issued for, and the user of a registration. */
  record Pending(String challenge, String action, Map<String, Object> user) {}

  /** A new challenge for {@code action}: the cookie that carries it to the callback. */
  Issued issue(RequestContext ctx, String providerId, String action, Map<String, Object> user) {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    store.createVerificationToken(new VerificationToken(identifier(providerId), hash(challenge),
        ctx.now().plus(CheckCookies.MAX_AGE)));
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("value", challenge);
    claims.put("action", action);
    if (user != null) {
      claims.put("user", user);
    }
    return new Issued(challenge, cookie(ctx).create(providerId, claims, ctx.now()));
  }

  /** A challenge and the cookie that carries it. */
  record Issued(String challenge, SetCookie cookie) {}

  /**
   * Spends the request's challenge for this provider: empty (and logged) when the cookie is missing,
   * expired, made for another provider, or its challenge was spent already.
   */
  @SuppressWarnings("unchecked")
  Optional<Pending> use(RequestContext ctx, String providerId) {
    Optional<JwtClaims> claims = cookie(ctx).read(ctx.cookies(), providerId);
    String challenge = claims.map(c -> c.string("value")).orElse(null);
    if (challenge == null) {
      return Optional.empty();
    }
    if (store.useVerificationToken(identifier(providerId), hash(challenge)).isEmpty()) {
      LOG.warn("[auth][WebAuthnVerificationError] {}: the challenge was answered before (a replayed request)", providerId);
      return Optional.empty();
    }
    Object user = claims.get().get("user");
    return Optional.of(new Pending(challenge, claims.get().string("action"),
        user instanceof Map<?, ?> m ? (Map<String, Object>) m : null));
  }

  /** The deletion of the challenge cookie, which every callback sends. */
  SetCookie spent(RequestContext ctx) {
    return cookie(ctx).delete();
  }

  private ChallengeCookie cookie(RequestContext ctx) {
    return new ChallengeCookie(ctx.names(), ctx.cookieFactory(), codec);
  }

  /** Apart from email addresses, which have an {@code @}: a database shared with Auth.js keeps both apart. */
  private static String identifier(String providerId) {
    return "webauthn-challenge:" + providerId;
  }

  private static String hash(String challenge) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(challenge.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }
}
