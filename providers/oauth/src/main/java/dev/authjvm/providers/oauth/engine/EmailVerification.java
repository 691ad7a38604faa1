package dev.authjvm.providers.oauth.engine;

import dev.authjvm.core.provider.EmailAddress;
import java.util.List;
import java.util.Map;

/**
 * Whether a provider vouches that the user owns the address in their profile. An address the provider
 * has not verified is dropped (the user has no email from that provider): with a store, an address is
 * what ties a sign-in to an existing user, so an unverified one would let anyone who types a victim's
 * address at the provider reach the victim's account.
 */
@FunctionalInterface
public interface EmailVerification {
  /** Nothing vouches for the address: it is never taken. */
  EmailVerification NEVER = (profile, email) -> false;

  /**
   * The provider only ever hands out addresses it has verified (say so only when its documentation does).
   */
  EmailVerification ASSUMED = (profile, email) -> true;

  /** @param email the address the profile mapper read */
  boolean isVerified(Map<String, Object> profile, String email);

  /** A boolean claim, {@code true} or {@code "true"} (OIDC's {@code email_verified}; Apple sends a string). */
  static EmailVerification claim(String name) {
    return (profile, email) -> isTrue(profile.get(name));
  }

  /** The OIDC standard claim {@code email_verified}. */
  static EmailVerification standard() {
    return claim("email_verified");
  }

  /**
   * The address appears in a list of address objects in the profile (e.g. what an emails endpoint
   * answered) with a boolean flag set.
   *
   * @param path    where the list is, e.g. {@code "emails"} or {@code "emails", "values"}
   * @param address the key of each entry's address, e.g. {@code email}
   * @param flag    the key of each entry's verified flag, e.g. {@code verified}
   */
  static EmailVerification listed(String address, String flag, Object... path) {
    return (profile, email) -> Profiles.at(profile, path) instanceof List<?> entries && entries.stream()
        .anyMatch(e -> e instanceof Map<?, ?> m && isTrue(m.get(flag))
            && EmailAddress.normalize(String.valueOf(m.get(address))).equals(EmailAddress.normalize(email)));
  }

  private static boolean isTrue(Object value) {
    return Boolean.TRUE.equals(value) || "true".equals(value);
  }
}
