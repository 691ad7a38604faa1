package dev.authjvm.core.internal.codec;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Percent-encoding as browsers and Node do it ({@code encodeURIComponent}, {@code URLSearchParams}),
 * with decoding that never fails: malformed escapes stay as they are, malformed UTF-8 becomes U+FFFD.
 * Bad input must give a clean 4xx later, never an exception here.
 */
public final class UriComponent {
  private static final String UNRESERVED =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.!~*'()";
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();
  /** ASCII characters {@link #encode} leaves alone; a table, because every cookie value is scanned. */
  private static final boolean[] KEEP = new boolean[128];

  static {
    for (char c : UNRESERVED.toCharArray()) {
      KEEP[c] = true;
    }
  }

  private UriComponent() {}

  /**
   * JavaScript's {@code encodeURIComponent}, except that a lone surrogate is encoded as U+FFFD, as
   * {@code URLSearchParams} does, where {@code encodeURIComponent} would throw.
   */
  public static String encode(String s) {
    int first = 0;
    int n = s.length();
    // Fast path: most values (a JWE, a hex CSRF token) need no escape at all.
    while (first < n && keep(s.charAt(first))) {
      first++;
    }
    if (first == n) {
      return s;
    }
    StringBuilder out = new StringBuilder(n + 16).append(s, 0, first);
    for (int i = first; i < n; i++) {
      char c = s.charAt(i);
      if (keep(c)) {
        out.append(c);
        continue;
      }
      int cp = s.codePointAt(i);
      if (Character.isSupplementaryCodePoint(cp)) {
        i++;
      } else if (Character.isSurrogate(c)) {
        // The JDK's encoder would write '?'; browsers convert a lone surrogate to U+FFFD before encoding.
        cp = '\uFFFD';
      }
      for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
        out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
      }
    }
    return out.toString();
  }

  private static boolean keep(char c) {
    return c < 128 && KEEP[c];
  }

  /** Decodes %XX escapes (and '+' as space when {@code plusIsSpace}), tolerating malformed input. */
  public static String decode(String s, boolean plusIsSpace) {
    if (s.indexOf('%') < 0 && (!plusIsSpace || s.indexOf('+') < 0)) {
      return s;
    }
    // A char is at most 3 bytes of UTF-8 (a surrogate pair, 2 chars, is 4).
    byte[] bytes = new byte[s.length() * 3];
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%' && i + 2 < s.length() && hex(s.charAt(i + 1)) >= 0 && hex(s.charAt(i + 2)) >= 0) {
        bytes[n++] = (byte) (hex(s.charAt(i + 1)) * 16 + hex(s.charAt(i + 2)));
        i += 2;
      } else if (c == '+' && plusIsSpace) {
        bytes[n++] = ' ';
      } else if (c < 0x80) {
        bytes[n++] = (byte) c;
      } else {
        int end = Character.isHighSurrogate(c) && i + 1 < s.length() ? i + 2 : i + 1;
        byte[] raw = s.substring(i, end).getBytes(StandardCharsets.UTF_8);
        System.arraycopy(raw, 0, bytes, n, raw.length);
        n += raw.length;
        i = end - 1;
      }
    }
    return new String(bytes, 0, n, StandardCharsets.UTF_8);
  }

  /**
   * Parses {@code a=1&b=2} as {@code URLSearchParams} does. The first occurrence of a name wins,
   * which is what a server reading {@code body.csrfToken} sees for a repeated field.
   */
  public static Map<String, String> parseQuery(String query) {
    if (query == null || query.isEmpty()) {
      return Map.of();
    }
    Map<String, String> params = new LinkedHashMap<>();
    for (String pair : query.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq), true);
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1), true);
      params.putIfAbsent(name, value);
    }
    return Collections.unmodifiableMap(params);
  }

  /** Builds {@code a=1&b=2} as {@code URLSearchParams.toString()} does (space as '+'). */
  public static String formatQuery(Map<String, String> params) {
    StringBuilder sb = new StringBuilder();
    params.forEach((k, v) -> {
      if (v == null) {
        return;
      }
      if (sb.length() > 0) {
        sb.append('&');
      }
      sb.append(formComponent(k)).append('=').append(formComponent(v));
    });
    return sb.toString();
  }

  private static String formComponent(String s) {
    // URLSearchParams leaves *-._ alone, encodes !'()~ and writes space as '+'.
    return encode(s).replace("%20", "+").replace("!", "%21").replace("'", "%27")
        .replace("(", "%28").replace(")", "%29").replace("~", "%7E");
  }

  private static int hex(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }
}
