package dev.authjvm.providers.oauth.engine;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.claims.LogoutTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import com.nimbusds.openid.connect.sdk.validators.LogoutTokenValidator;
import dev.authjvm.core.error.ErrorType;
import dev.authjvm.core.provider.InvalidLogoutTokenException;
import dev.authjvm.core.provider.LogoutToken;
import java.net.MalformedURLException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The tokens an OpenID Provider signs, all validated by Nimbus against the issuer's JWKS (fetched, cached,
 * refetched on an unknown {@code kid}) with only the allowed algorithms, so {@code alg: none} and
 * HMAC-with-the-public-key tokens fail: ID tokens at sign-in ({@link IDTokenValidator}: {@code iss},
 * {@code aud}, {@code exp}/{@code iat} with a small clock skew, the {@code nonce}), ID tokens a refresh
 * returns (the same, without a nonce, and for the same {@code sub}), and back-channel logout tokens
 * ({@link LogoutTokenValidator}).
 */
final class OidcTokenVerifier {
  /** Seconds of clock difference tolerated, as Auth.js v4 allows. */
  static final int CLOCK_SKEW_SECONDS = 10;
  /**
   * How old a logout token may be, whatever its {@code exp}: providers send one as the session ends (the
   * back-channel logout spec encourages them to let it expire within two minutes), so an older one is a
   * replay. It also bounds how long the core must remember a {@code jti}.
   */
  static final Duration LOGOUT_TOKEN_MAX_AGE = Duration.ofMinutes(5);
  private final IDTokenValidator idTokens;
  private final LogoutTokenValidator logoutTokens;

  OidcTokenVerifier(Endpoints endpoints, String clientId, Set<JWSAlgorithm> algorithms) throws OAuthFailure {
    JWKSource<SecurityContext> keys;
    try {
      keys = JWKSourceBuilder.<SecurityContext>create(endpoints.jwks().toURL(),
          new DefaultResourceRetriever(Http.CONNECT_TIMEOUT_MS, Http.READ_TIMEOUT_MS, Http.JWKS_SIZE_LIMIT)).build();
    } catch (MalformedURLException | IllegalArgumentException e) {
      throw new OAuthFailure(ErrorType.OAUTH_CALLBACK, "jwks_uri " + endpoints.jwks() + " is not a URL", e);
    }
    JWSVerificationKeySelector<SecurityContext> selector = new JWSVerificationKeySelector<>(algorithms, keys);
    idTokens = new IDTokenValidator(new Issuer(endpoints.issuer()), new ClientID(clientId), selector, null);
    idTokens.setMaxClockSkew(CLOCK_SKEW_SECONDS);
    logoutTokens = new LogoutTokenValidator(new Issuer(endpoints.issuer()), new ClientID(clientId), false, selector, null);
    logoutTokens.setMaxClockSkew(CLOCK_SKEW_SECONDS);
  }

  /** A sign-in's ID token's claims, or why it is not to be believed. */
  Map<String, Object> verify(String idToken, String expectedNonce) throws OAuthFailure {
    try {
      IDTokenClaimsSet claims = idTokens.validate(JWTParser.parse(idToken),
          expectedNonce == null ? null : new Nonce(expectedNonce));
      return new LinkedHashMap<>(claims.toJSONObject());
    } catch (Exception e) {
      throw new OAuthFailure(ErrorType.OAUTH_CALLBACK, "ID token rejected", e);
    }
  }

  /**
   * An ID token from a refresh (OIDC Core 12.2): signed by the issuer for this client, unexpired, about
   * the same subject as the session's; a nonce is not required (there was no authorization request).
   *
   * @param expectedSubject the {@code sub} of the ID token the session holds, or {@code null} when unknown
   */
  void verifyRefreshed(String idToken, String expectedSubject) throws OAuthFailure {
    IDTokenClaimsSet claims;
    try {
      claims = idTokens.validate(JWTParser.parse(idToken), null);
    } catch (Exception e) {
      throw new OAuthFailure(ErrorType.OAUTH_CALLBACK, "the refreshed ID token is rejected", e);
    }
    if (expectedSubject != null && !expectedSubject.equals(claims.getSubject().getValue())) {
      throw new OAuthFailure(ErrorType.OAUTH_CALLBACK, "the refreshed ID token is about another subject");
    }
  }

  /** The {@code sub} of an ID token this server validated before (so its signature is not checked again). */
  static String subjectOf(String idToken) throws OAuthFailure {
    if (idToken == null) {
      return null;
    }
    try {
      return JWTParser.parse(idToken).getJWTClaimsSet().getSubject();
    } catch (java.text.ParseException e) {
      throw new OAuthFailure(ErrorType.OAUTH_CALLBACK, "the session's ID token cannot be read", e);
    }
  }

  /** A back-channel logout token, valid now, or why not (for the log and the 400 answer). */
  LogoutToken verifyLogoutToken(String logoutToken, Instant now) {
    if (logoutToken == null || logoutToken.isBlank()) {
      throw new InvalidLogoutTokenException("no logout_token");
    }
    LogoutTokenClaimsSet claims;
    try {
      claims = logoutTokens.validate(JWTParser.parse(logoutToken));
    } catch (Exception e) {
      throw new InvalidLogoutTokenException("logout token rejected: " + e.getMessage(), e);
    }
    Instant issued = claims.getIssueTime().toInstant();
    Duration skew = Duration.ofSeconds(CLOCK_SKEW_SECONDS);
    if (issued.isAfter(now.plus(skew))) {
      throw new InvalidLogoutTokenException("logout token rejected: issued in the future (iat " + issued + ")");
    }
    Instant tooOld = issued.plus(LOGOUT_TOKEN_MAX_AGE).plus(skew);
    if (now.isAfter(tooOld)) {
      throw new InvalidLogoutTokenException("logout token rejected: issued at " + issued + ", more than "
          + LOGOUT_TOKEN_MAX_AGE.toSeconds() + " s ago");
    }
    Instant expires = claims.getExpirationTime().toInstant().plus(skew);
    return new LogoutToken(claims.getSubject() == null ? null : claims.getSubject().getValue(),
        claims.getSessionID() == null ? null : claims.getSessionID().getValue(),
        claims.getJWTID().getValue(), expires.isBefore(tooOld) ? expires : tooOld);
  }
}
