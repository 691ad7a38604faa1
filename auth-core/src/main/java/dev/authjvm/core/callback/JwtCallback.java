package dev.authjvm.core.callback;

import dev.authjvm.core.jwt.JwtClaims;

/**
 * Shapes the session token each time it is created or read. Return {@code null} to end the session
 * (its cookie is cleared), which is how a JWT session is revoked.
 */
@FunctionalInterface
public interface JwtCallback {
  JwtClaims jwt(JwtParams params);
}
