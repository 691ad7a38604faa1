package dev.authjvm.core.provider;

import java.time.Instant;

/**
 * What a valid OpenID Connect Back-Channel Logout token ends: the provider's sessions of a subject, or
 * one session (at least one of the two is present).
 *
 * @param subject   the provider's {@code sub}, or {@code null}
 * @param sessionId the provider's {@code sid}, or {@code null}
 * @param tokenId   the token's {@code jti}, which may be used only once
 * @param expires   until when the token could be replayed, so how long its {@code jti} must be remembered
 */
public record LogoutToken(String subject, String sessionId, String tokenId, Instant expires) {}
