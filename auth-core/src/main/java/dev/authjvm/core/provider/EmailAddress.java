package dev.authjvm.core.provider;

import java.util.Optional;

/**
 * The normal form of an email address that identifies a user: trimmed, ASCII letters in lower case,
 * exactly one {@code @} with something on both sides, no quotes or control characters, and the domain
 * cut at the first comma (so {@code a@b.com,evil.com} cannot smuggle a second recipient). Only ASCII is
 * case-folded: Unicode case mapping and compatibility normalisation turn distinct addresses into one
 * (the Kelvin sign {@code K} (U+212A) lower-cases to {@code k}, {@code ß} upper-cases to {@code SS}, the dotless
 * {@code ı} to {@code I}), and an address that becomes a victim's address would be the victim's account.
 */
public final class EmailAddress {
  private static final int MAX_LENGTH = 320;

  private EmailAddress() {}

  /** The normalised address, or empty when {@code raw} is not an address. */
  public static Optional<String> normalize(String raw) {
    if (raw == null) {
      return Optional.empty();
    }
    String s = asciiLowerCase(raw.strip());
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

  private static String asciiLowerCase(String s) {
    char[] chars = s.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      if (chars[i] >= 'A' && chars[i] <= 'Z') {
        chars[i] = (char) (chars[i] + ('a' - 'A'));
      }
    }
    return new String(chars);
  }
}
