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
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import dev.authjvm.core.error.ErrorType;
import java.net.MalformedURLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * ID-token validation, all of it by Nimbus's {@link IDTokenValidator} (OIDC Core §3.1.3.7): the
 * signature against the issuer's JWKS (fetched, cached, refetched on an unknown {@code kid}) with
 * only the allowed algorithms, so {@code alg: none} and HMAC-with-the-public-key tokens fail;
 * {@code iss}, {@code aud}, {@code exp}/{@code iat} with a small clock skew, and the {@code nonce}.
 */
final class IdTokenVerifier {
  /** Seconds of clock difference tolerated, as Auth.js v4 allows. */
  static final int CLOCK_SKEW_SECONDS = 10;
  private final IDTokenValidator validator;

  IdTokenVerifier(Endpoints endpoints, String clientId, Set<JWSAlgorithm> algorithms) throws OAuthFailure {
    JWKSource<SecurityContext> keys;
    try {
      keys = JWKSourceBuilder.<SecurityContext>create(endpoints.jwks().toURL(),
          new DefaultResourceRetriever(Http.CONNECT_TIMEOUT_MS, Http.READ_TIMEOUT_MS, Http.JWKS_SIZE_LIMIT)).build();
    } catch (MalformedURLException | IllegalArgumentException e) {
      throw new OAuthFailure(ErrorType.OAUTH_CALLBACK, "jwks_uri " + endpoints.jwks() + " is not a URL", e);
    }
    validator = new IDTokenValidator(new Issuer(endpoints.issuer()), new ClientID(clientId),
        new JWSVerificationKeySelector<>(algorithms, keys), null);
    validator.setMaxClockSkew(CLOCK_SKEW_SECONDS);
  }

  /** The token's claims, or why it is not to be believed. */
  Map<String, Object> verify(String idToken, String expectedNonce) throws OAuthFailure {
    try {
      IDTokenClaimsSet claims = validator.validate(JWTParser.parse(idToken),
          expectedNonce == null ? null : new Nonce(expectedNonce));
      return new LinkedHashMap<>(claims.toJSONObject());
    } catch (Exception e) {
      throw new OAuthFailure(ErrorType.OAUTH_CALLBACK, "ID token rejected", e);
    }
  }
}
