package dev.authjvm.core.provider;

/**
 * What a token endpoint answers to a refresh: the new access token, and a new refresh token when the
 * provider rotates them ({@code null} keeps the old one).
 *
 * @param expiresAt access-token expiry in epoch seconds, or {@code null} when the provider does not say
 */
public record TokenSet(String accessToken, String tokenType, String refreshToken, Long expiresAt, String idToken,
                       String scope) {

  @Override
  public String toString() {
    return "TokenSet[expiresAt=" + expiresAt + "]";
  }
}
