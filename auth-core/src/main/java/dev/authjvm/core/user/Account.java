package dev.authjvm.core.user;

import dev.authjvm.core.log.LogSafe;

/**
 * A link between a {@link User} and a provider's account, with the provider's tokens when there
 * are any. Unique per ({@code provider}, {@code providerAccountId}).
 *
 * @param type      {@code oauth}, {@code oidc}, {@code email} or {@code credentials}
 * @param expiresAt access-token expiry in epoch seconds, or {@code null}
 */
public record Account(String userId, String type, String provider, String providerAccountId,
                      String accessToken, String tokenType, String idToken, String refreshToken,
                      String scope, Long expiresAt, String sessionState) {

  /** An account with no tokens, as credentials and email sign-ins make. */
  public static Account of(String userId, String type, String provider, String providerAccountId) {
    return new Account(userId, type, provider, providerAccountId, null, null, null, null, null, null, null);
  }

  public Account withUserId(String newUserId) {
    return new Account(newUserId, type, provider, providerAccountId, accessToken, tokenType, idToken,
        refreshToken, scope, expiresAt, sessionState);
  }

  @Override
  public String toString() {
    // Tokens are credentials: keep them out of logs.
    String accountId = providerAccountId != null && providerAccountId.contains("@") ? LogSafe.email(providerAccountId)
        : LogSafe.text(providerAccountId);
    return "Account[" + provider + ":" + accountId + " of user " + userId + "]";
  }
}
