package dev.authjvm.providers.oauth.engine;

import java.net.URI;

/**
 * Where a provider lives. From OIDC discovery or given explicitly; {@code issuer} and {@code jwks}
 * are needed to validate ID tokens, {@code userinfo} to read a plain OAuth 2 profile.
 *
 * @param issuer      the expected {@code iss} of ID tokens, or {@code null} for plain OAuth 2
 * @param endSession  OIDC RP-initiated logout, or {@code null}
 */
public record Endpoints(String issuer, URI authorization, URI token, URI userinfo, URI jwks, URI endSession) {}
