package dev.authjvm.providers.oauth.engine;

import dev.authjvm.core.error.ErrorType;
import dev.authjvm.core.provider.TokenSet;
import java.net.URI;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An OpenID Connect sign-in's profile: the verified ID token's claims, completed from UserInfo when
 * {@link OidcUserinfo} says so. The ID token is signed and UserInfo is not, so the merge never lets
 * UserInfo weaken it: UserInfo's {@code sub} must be the ID token's (OIDC Core 5.3.4); the ID token's
 * claims win; the protocol claims ({@code iss}, {@code aud}, {@code sid}, {@code nonce}...) come from the
 * ID token only; and an address travels with its own verified flag, so one source's {@code email} is
 * never vouched for by the other's {@code email_verified}.
 */
final class OidcProfile {
  /** The claims each standard scope asks for (OIDC Core 5.4). */
  private static final Map<String, Set<String>> SCOPE_CLAIMS = Map.of(
      "profile", Set.of("name", "family_name", "given_name", "middle_name", "nickname", "preferred_username",
          "profile", "picture", "website", "gender", "birthdate", "zoneinfo", "locale", "updated_at"),
      "email", Set.of("email", "email_verified"),
      "address", Set.of("address"),
      "phone", Set.of("phone_number", "phone_number_verified"));
  /** Claims about the token and the authentication, not the user: only the signed ID token may say them. */
  private static final Set<String> ID_TOKEN_ONLY = Set.of("iss", "aud", "exp", "iat", "nbf", "jti", "auth_time",
      "nonce", "acr", "amr", "azp", "at_hash", "c_hash", "s_hash", "sid", "cnf", "events");
  /** A value and the flag that vouches for it. */
  private static final Map<String, String> VERIFIED_PAIRS = Map.of("email", "email_verified",
      "phone_number", "phone_number_verified");

  private OidcProfile() {}

  /**
   * The profile of a sign-in: the ID token's claims, merged with UserInfo when {@code when} says so
   * (and the provider has a UserInfo endpoint).
   */
  static Map<String, Object> of(Map<String, Object> idToken, OidcUserinfo when, TokenSet tokens,
      List<String> configuredScopes, URI endpoint) throws OAuthFailure {
    if (endpoint == null || tokens.accessToken() == null
        || !needsUserinfo(when, idToken, granted(tokens.scope(), configuredScopes))) {
      return idToken;
    }
    return merge(idToken, TokenClient.userinfo(endpoint, tokens.accessToken()), endpoint);
  }

  /** Whether to read UserInfo for an ID token with these claims, after a grant of these scopes. */
  static boolean needsUserinfo(OidcUserinfo when, Map<String, Object> idToken, Collection<String> scopes) {
    return switch (when) {
      case ALWAYS -> true;
      case NEVER -> false;
      case WHEN_CLAIMS_MISSING -> scopes.stream().map(SCOPE_CLAIMS::get)
          .anyMatch(claims -> claims != null && claims.stream().noneMatch(idToken::containsKey));
    };
  }

  /** The profile: the ID token's claims, with UserInfo's where allowed; refused when UserInfo is about someone else. */
  static Map<String, Object> merge(Map<String, Object> idToken, Map<String, Object> userinfo, URI endpoint)
      throws OAuthFailure {
    Object sub = userinfo.get("sub");
    if (sub == null || !sub.equals(idToken.get("sub"))) {
      throw new OAuthFailure(ErrorType.OAUTH_CALLBACK, "the sub of " + endpoint + " is "
          + (sub == null ? "missing" : "another than the ID token's") + " (OIDC Core 5.3.4)");
    }
    Map<String, Object> profile = new LinkedHashMap<>(idToken);
    userinfo.forEach((claim, value) -> {
      if (!ID_TOKEN_ONLY.contains(claim) && !VERIFIED_PAIRS.containsValue(claim)) {
        profile.putIfAbsent(claim, value);
      }
    });
    VERIFIED_PAIRS.forEach((claim, flag) -> {
      if (!idToken.containsKey(claim) && userinfo.containsKey(claim)) {
        profile.remove(flag);
        if (userinfo.containsKey(flag)) {
          profile.put(flag, userinfo.get(flag));
        }
      }
    });
    return profile;
  }

  /** The scopes a token response granted ({@code scope}, space-separated), else those configured. */
  static List<String> granted(String scope, List<String> configured) {
    return scope == null || scope.isBlank() ? configured : List.of(scope.trim().split("\\s+"));
  }
}
