package dev.authjvm.providers.oauth.engine;

import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import dev.authjvm.core.error.ErrorType;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Endpoints given explicitly, or found through OIDC discovery on first use and kept. Discovery is
 * lazy so that an application starts while its identity provider is down (Auth.js discovers per
 * request); a failed discovery is retried on the next sign-in rather than remembered.
 */
final class EndpointSource {
  private final Endpoints explicit;
  private final String issuer;
  private final Endpoints overrides;
  private final AtomicReference<Endpoints> discovered = new AtomicReference<>();

  private EndpointSource(Endpoints explicit, String issuer, Endpoints overrides) {
    this.explicit = explicit;
    this.issuer = issuer;
    this.overrides = overrides;
  }

  static EndpointSource explicit(Endpoints endpoints) {
    return new EndpointSource(endpoints, null, null);
  }

  /** Discovery from {@code issuer}; any non-null field of {@code overrides} wins over what the issuer publishes. */
  static EndpointSource discover(String issuer, Endpoints overrides) {
    return new EndpointSource(null, issuer, overrides);
  }

  Endpoints get() throws OAuthFailure {
    if (explicit != null) {
      return explicit;
    }
    Endpoints known = discovered.get();
    if (known != null) {
      return known;
    }
    OIDCProviderMetadata metadata;
    try {
      // resolve() also checks that the published issuer is exactly ours (OIDC Discovery §4.3).
      metadata = OIDCProviderMetadata.resolve(new Issuer(issuer), Http.CONNECT_TIMEOUT_MS, Http.READ_TIMEOUT_MS);
    } catch (Exception e) {
      throw new OAuthFailure(ErrorType.OAUTH_SIGNIN, "OIDC discovery from " + issuer + " failed", e);
    }
    Endpoints found = new Endpoints(metadata.getIssuer().getValue(),
        pick(overrides.authorization(), metadata.getAuthorizationEndpointURI()),
        pick(overrides.token(), metadata.getTokenEndpointURI()),
        pick(overrides.userinfo(), metadata.getUserInfoEndpointURI()),
        pick(overrides.jwks(), metadata.getJWKSetURI()),
        pick(overrides.endSession(), metadata.getEndSessionEndpointURI()));
    if (found.authorization() == null || found.token() == null || found.jwks() == null) {
      throw new OAuthFailure(ErrorType.OAUTH_SIGNIN, "the discovery document of " + issuer
          + " lacks authorization_endpoint, token_endpoint or jwks_uri");
    }
    discovered.compareAndSet(null, found);
    return discovered.get();
  }

  private static <T> T pick(T override, T published) {
    return override != null ? override : published;
  }
}
