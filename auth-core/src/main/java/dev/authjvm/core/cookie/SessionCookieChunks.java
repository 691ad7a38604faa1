package dev.authjvm.core.cookie;

import dev.authjvm.core.http.SetCookie;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A session token too large for one cookie is split into {@code name.0}, {@code name.1}, ...,
 * exactly as Auth.js does, so either server can read what the other wrote.
 */
public final class SessionCookieChunks {
  /** 4096 bytes minus the estimated attribute overhead of each generation. */
  public static final int V4_CHUNK_SIZE = 3933;
  public static final int V5_CHUNK_SIZE = 3936;
  /**
   * At most this many chunks are read or written: about 31 KB of token, far more than a request header
   * block carries through most servers. Reading stops there, so a request cannot make the server join
   * hundreds of cookies.
   */
  public static final int MAX_CHUNKS = 8;

  private SessionCookieChunks() {}

  /** The token from the request: the chunks in index order when there are any, else the plain cookie. */
  public static Optional<String> read(String name, Map<String, String> cookies) {
    TreeMap<Integer, String> chunks = chunks(name, cookies);
    if (!chunks.isEmpty()) {
      return Optional.of(String.join("", chunks.values()));
    }
    return Optional.ofNullable(cookies.get(name)).filter(v -> !v.isEmpty());
  }

  /** Cookies that store {@code value}, deleting any chunk or plain cookie of the request not overwritten. */
  public static List<SetCookie> write(String name, String value, Instant expires, int chunkSize,
                                      Map<String, String> requestCookies, CookieFactory factory) {
    List<String> names = new ArrayList<>();
    List<SetCookie> out = new ArrayList<>();
    int count = Math.max(1, (value.length() + chunkSize - 1) / chunkSize);
    if (count > MAX_CHUNKS) {
      throw new IllegalStateException("the session token has " + value.length() + " characters, more than "
          + MAX_CHUNKS + " cookies hold: keep less in it (the jwt callback)");
    }
    if (count == 1) {
      names.add(name);
      out.add(factory.expiringAt(name, value, expires));
    } else {
      for (int i = 0; i < count; i++) {
        String chunkName = name + "." + i;
        names.add(chunkName);
        out.add(factory.expiringAt(chunkName, value.substring(i * chunkSize, Math.min(value.length(), (i + 1) * chunkSize)), expires));
      }
    }
    List<SetCookie> deletions = new ArrayList<>();
    for (String existing : present(name, requestCookies)) {
      if (!names.contains(existing)) {
        deletions.add(factory.deletion(existing));
      }
    }
    deletions.addAll(out);
    return deletions;
  }

  /** Deletions of the plain cookie and every chunk the request carries (at least the plain name). */
  public static List<SetCookie> clear(String name, Map<String, String> requestCookies, CookieFactory factory) {
    List<String> present = present(name, requestCookies);
    if (present.isEmpty()) {
      present = List.of(name);
    }
    return present.stream().map(factory::deletion).toList();
  }

  /** Whether the request carries the session cookie in any form. */
  public static boolean isPresent(String name, Map<String, String> cookies) {
    return !present(name, cookies).isEmpty();
  }

  private static List<String> present(String name, Map<String, String> cookies) {
    List<String> names = new ArrayList<>();
    if (cookies.containsKey(name)) {
      names.add(name);
    }
    chunks(name, cookies).keySet().forEach(i -> names.add(name + "." + i));
    return names;
  }

  private static TreeMap<Integer, String> chunks(String name, Map<String, String> cookies) {
    TreeMap<Integer, String> chunks = new TreeMap<>();
    String prefix = name + ".";
    for (Map.Entry<String, String> c : cookies.entrySet()) {
      String n = c.getKey();
      if (n.length() == prefix.length() + 1 && n.startsWith(prefix) && !c.getValue().isEmpty()) {
        int index = n.charAt(prefix.length()) - '0';
        if (index >= 0 && index < MAX_CHUNKS) {
          chunks.put(index, c.getValue());
        }
      }
    }
    return chunks;
  }
}
