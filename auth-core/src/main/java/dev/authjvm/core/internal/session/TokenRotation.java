package dev.authjvm.core.internal.session;

import dev.authjvm.core.config.AuthConfig;
import dev.authjvm.core.jwt.JwtClaims;
import dev.authjvm.core.text.LogSafe;
import dev.authjvm.core.provider.RedirectFlowProvider;
import dev.authjvm.core.provider.TokenRefreshException;
import dev.authjvm.core.provider.TokenSet;
import dev.authjvm.core.user.Account;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Built-in refresh of OAuth access tokens in JWT sessions (opt-in: {@code refreshAccessTokens}), the
 * feature Auth.js users ask for most. The session token carries the provider's tokens; when the access
 * token is about to expire, the next {@code GET /session} exchanges the refresh token and re-issues the
 * cookie. Concurrent reads of one session (several tabs) share one refresh, and the result is kept
 * briefly, because providers that rotate refresh tokens reject the old one the second time.
 */
final class TokenRotation {
  private static final Logger LOG = LoggerFactory.getLogger(TokenRotation.class);
  static final String PROVIDER = "provider";
  static final String ACCESS_TOKEN = "access_token";
  static final String REFRESH_TOKEN = "refresh_token";
  static final String EXPIRES_AT = "expires_at";
  static final String ID_TOKEN = "id_token";
  static final String ERROR = "error";
  static final String REFRESH_ERROR = "RefreshTokenError";
  /** Refresh this long before expiry, so a token handed out is still good for a moment. */
  private static final Duration SKEW = Duration.ofSeconds(60);
  /** How long a refresh result answers later requests that still carry the old refresh token. */
  private static final Duration REPLAY_WINDOW = Duration.ofSeconds(30);

  private record Flight(CompletableFuture<TokenSet> result, Instant started) {}

  private final AuthConfig config;
  private final Map<String, Flight> flights = new ConcurrentHashMap<>();

  TokenRotation(AuthConfig config) {
    this.config = config;
  }

  boolean enabled() {
    return config.refreshAccessTokens();
  }

  /** The claims a sign-in adds to the token: the provider and its tokens, when it can refresh them. */
  JwtClaims withAccountTokens(JwtClaims token, Account account) {
    if (!enabled() || account == null || account.refreshToken() == null || account.expiresAt() == null
        || provider(account.provider()).isEmpty()) {
      return token;
    }
    // The ID token too, when there is one: a refreshed ID token must be about the same subject.
    JwtClaims withTokens = token.with(PROVIDER, account.provider()).with(ACCESS_TOKEN, account.accessToken())
        .with(REFRESH_TOKEN, account.refreshToken()).with(EXPIRES_AT, account.expiresAt());
    return account.idToken() == null ? withTokens : withTokens.with(ID_TOKEN, account.idToken());
  }

  /** The token with fresh provider tokens if they are due, or marked with {@code error: RefreshTokenError}. */
  JwtClaims refreshIfDue(JwtClaims token, Instant now) {
    if (!enabled() || token.string(REFRESH_TOKEN) == null || token.epochSeconds(EXPIRES_AT) == null
        || token.get(ERROR) != null) {
      return token;
    }
    if (now.plus(SKEW).isBefore(Instant.ofEpochSecond(token.epochSeconds(EXPIRES_AT)))) {
      return token;
    }
    Optional<RedirectFlowProvider> provider = provider(token.string(PROVIDER));
    if (provider.isEmpty()) {
      return token.with(ERROR, REFRESH_ERROR);
    }
    try {
      TokenSet fresh = refreshOnce(provider.get(), token.string(REFRESH_TOKEN), token.string(ID_TOKEN), now);
      return token.with(ACCESS_TOKEN, fresh.accessToken())
          .with(ID_TOKEN, fresh.idToken() != null ? fresh.idToken() : token.string(ID_TOKEN))
          .with(REFRESH_TOKEN, fresh.refreshToken() != null ? fresh.refreshToken() : token.string(REFRESH_TOKEN))
          .with(EXPIRES_AT, fresh.expiresAt() != null ? fresh.expiresAt() : now.plus(Duration.ofHours(1)).getEpochSecond());
    } catch (TokenRefreshException e) {
      LOG.warn("[auth][RefreshTokenError] {}: {}", LogSafe.text(token.string(PROVIDER)), LogSafe.text(e.getMessage(), 1000));
      // Keep the session (the user is still who they were) but drop the dead tokens and say why.
      return token.with(ACCESS_TOKEN, null).with(REFRESH_TOKEN, null).with(ERROR, REFRESH_ERROR);
    }
  }

  /**
   * One request to the provider per refresh token, however many reads wait for it; only the read that
   * makes it reports it to the observer.
   */
  private TokenSet refreshOnce(RedirectFlowProvider provider, String refreshToken, String idToken, Instant now) {
    flights.values().removeIf(f -> f.result().isDone() && now.isAfter(f.started().plus(REPLAY_WINDOW)));
    CompletableFuture<TokenSet> mine = new CompletableFuture<>();
    Flight flight = flights.computeIfAbsent(refreshToken, k -> new Flight(mine, now));
    if (flight.result() == mine) {
      try {
        mine.complete(provider.refresh(refreshToken, idToken));
        config.observer().tokenRefresh(provider.id(), true);
      } catch (RuntimeException e) {
        mine.completeExceptionally(e);
        config.observer().tokenRefresh(provider.id(), false);
      }
    }
    try {
      return flight.result().get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof TokenRefreshException t ? t
          : new TokenRefreshException(provider.id() + " refresh failed: " + e.getCause(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TokenRefreshException("interrupted while refreshing");
    }
  }

  private Optional<RedirectFlowProvider> provider(String id) {
    return id == null ? Optional.empty() : config.provider(id)
        .filter(RedirectFlowProvider.class::isInstance).map(RedirectFlowProvider.class::cast)
        .filter(RedirectFlowProvider::refreshesTokens);
  }
}
