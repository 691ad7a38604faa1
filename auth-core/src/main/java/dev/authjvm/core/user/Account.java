package dev.authjvm.core.user;

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
    return "Account[" + provider + ":" + providerAccountId + " of user " + userId + "]";
  }
}
