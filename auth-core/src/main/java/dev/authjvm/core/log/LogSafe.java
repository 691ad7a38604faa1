package dev.authjvm.core.log;

/**
 * Makes client-supplied values safe to log: control and line-separator characters are escaped, so a
 * value such as {@code x%0A[auth][error] forged} cannot start a line of its own, and the length is
 * capped, so one request cannot write megabytes. Email addresses are masked, since logs are kept
 * longer and read by more people than the user database.
 */
public final class LogSafe {
  /** The longest value written as is; longer ones are cut and say how long they were. */
  public static final int MAX_LENGTH = 200;

  private LogSafe() {}

  /** The value with control characters escaped ({@code \n}, {@code \u2028}…) and cut at {@link #MAX_LENGTH}. */
  public static String text(String value) {
    return text(value, MAX_LENGTH);
  }

  /** As {@link #text(String)}, with another cap, for messages that join several values. */
  public static String text(String value, int maxLength) {
    if (value == null) {
      return "null";
    }
    int end = Math.min(value.length(), maxLength);
    StringBuilder out = null;
    for (int i = 0; i < end; i++) {
      char c = value.charAt(i);
      String escaped = escape(c);
      if (escaped != null && out == null) {
        out = new StringBuilder(end + 16).append(value, 0, i);
      }
      if (out != null) {
        out.append(escaped != null ? escaped : String.valueOf(c));
      }
    }
    String safe = out != null ? out.toString() : value.substring(0, end);
    return value.length() > maxLength ? safe + "…(" + value.length() + " chars)" : safe;
  }

  private static String escape(char c) {
    return switch (c) {
      case '\n' -> "\\n";
      case '\r' -> "\\r";
      case '\t' -> "\\t";
      default -> c < 0x20 || c == 0x7f || c >= 0x80 && c < 0xa0 || c == '\u2028' || c == '\u2029'
          ? String.format("\\u%04x", (int) c) : null;
    };
  }

  /** {@code alice@example.com} as {@code a***@example.com}; anything without an {@code @} as {@code ***}. */
  public static String email(String address) {
    if (address == null) {
      return "null";
    }
    int at = address.lastIndexOf('@');
    if (at <= 0) {
      return "***";
    }
    return text(address.substring(0, 1) + "***" + address.substring(at));
  }
}
