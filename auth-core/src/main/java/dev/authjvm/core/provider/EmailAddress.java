package dev.authjvm.core.provider;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/**
 * The normal form of an email address that identifies a user, as Auth.js v5 makes it: Unicode NFKC,
 * trimmed, lower case, exactly one {@code @} with something on both sides, no quotes, and the domain
 * cut at the first comma (so {@code a@b.com,evil.com} cannot smuggle a second recipient). The same
 * address in any spelling is then one user, one rate-limit bucket and one verification token.
 */
public final class EmailAddress {
  private static final int MAX_LENGTH = 320;

  private EmailAddress() {}

  /** The normalised address, or empty when {@code raw} is not an address. */
  public static Optional<String> normalize(String raw) {
    if (raw == null) {
      return Optional.empty();
    }
    String s = Normalizer.normalize(raw, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
    if (s.contains("\"") || s.length() > MAX_LENGTH || s.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
      return Optional.empty();
    }
    int at = s.indexOf('@');
    if (at <= 0 || at != s.lastIndexOf('@')) {
      return Optional.empty();
    }
    String local = s.substring(0, at);
    String domain = s.substring(at + 1).split(",", -1)[0];
    if (domain.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(local + "@" + domain);
  }
}
