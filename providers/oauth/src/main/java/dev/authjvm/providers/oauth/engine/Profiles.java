package dev.authjvm.providers.oauth.engine;

import java.util.List;
import java.util.Map;

/** Reading values out of a profile's JSON (maps, lists, numbers) without casts in every mapper. */
public final class Profiles {
  private Profiles() {}

  /**
   * The value at a path of keys and list indexes, e.g. {@code string(p, "data", "id")} or
   * {@code string(p, "images", 0, "url")}, as a string; {@code null} when absent, blank or not a scalar.
   */
  public static String string(Map<String, Object> profile, Object... path) {
    Object v = at(profile, path);
    if (v == null || v instanceof Map || v instanceof List) {
      return null;
    }
    // JSON parsers give 12.0 for some integral ids; an id must read "12" whatever the parser did.
    String s = (v instanceof Double || v instanceof Float) && ((Number) v).doubleValue() == Math.rint(((Number) v).doubleValue())
        ? Long.toString(((Number) v).longValue()) : v.toString();
    return s.isBlank() ? null : s;
  }

  /** The first of the keys with a value. */
  public static String first(Map<String, Object> profile, String... keys) {
    for (String k : keys) {
      String v = string(profile, k);
      if (v != null) {
        return v;
      }
    }
    return null;
  }

  /** Like {@link #string}, for the account id: a profile without it cannot sign anyone in. */
  public static String require(Map<String, Object> profile, Object... path) {
    String v = string(profile, path);
    if (v == null) {
      throw new IllegalArgumentException("the profile has no " + java.util.Arrays.toString(path));
    }
    return v;
  }

  /** The raw value at a path, or {@code null}. */
  public static Object at(Map<String, Object> profile, Object... path) {
    Object v = profile;
    for (Object key : path) {
      if (key instanceof Integer i && v instanceof List<?> list) {
        v = i < list.size() ? list.get(i) : null;
      } else if (key instanceof String k && v instanceof Map<?, ?> map) {
        v = map.get(k);
      } else {
        return null;
      }
      if (v == null) {
        return null;
      }
    }
    return v;
  }
}
