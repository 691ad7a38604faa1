package dev.authjvm.metrics;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The values one tag takes, bounded so that no request can add meters without end: a value is kept as
 * it is when it looks like an identifier (1 to 64 ASCII letters, digits, {@code .}, {@code _} or
 * {@code -}) and fewer than {@link #LIMIT} distinct values have been kept for the tag; anything else
 * is {@link #OTHER}. Known values are found with one lookup and no allocation.
 *
 * <p>Workaround for the core: the core reports the provider of {@code /callback/<id>} as the request
 * spelled it, also when no such provider is configured (that sign-in fails with {@code Configuration}),
 * so a provider tag can carry user input. Every string the core hands over is bounded here, until the
 * core reports configured providers only.
 */
final class BoundedTagValues {
  /** What a value that is not kept becomes. */
  static final String OTHER = "other";
  /** Distinct values kept per tag: far above the providers and outcomes an application has. */
  static final int LIMIT = 100;
  private static final int MAX_LENGTH = 64;

  private final Set<String> kept = ConcurrentHashMap.newKeySet();

  /** The value, or {@link #OTHER}. */
  String of(String value) {
    return value != null && kept.contains(value) ? value : admit(value);
  }

  private synchronized String admit(String value) {
    if (value == null || !looksLikeIdentifier(value) || kept.size() >= LIMIT && !kept.contains(value)) {
      return OTHER;
    }
    kept.add(value);
    return value;
  }

  private static boolean looksLikeIdentifier(String value) {
    if (value.isEmpty() || value.length() > MAX_LENGTH) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean allowed = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-';
      if (!allowed) {
        return false;
      }
    }
    return true;
  }
}
