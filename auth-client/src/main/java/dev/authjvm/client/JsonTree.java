package dev.authjvm.client;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Deep, unmodifiable copies of JSON values held as maps and lists, so the records stay immutable. */
final class JsonTree {
  private JsonTree() {}

  /** JSON objects may hold {@code null} values, which {@link Map#copyOf} refuses; order is kept. */
  static Map<String, Object> freeze(Map<String, ?> map) {
    Map<String, Object> copy = new LinkedHashMap<>();
    map.forEach((k, v) -> copy.put(k, freezeValue(v)));
    return Collections.unmodifiableMap(copy);
  }

  private static Object freezeValue(Object value) {
    if (value instanceof Map<?, ?> m) {
      Map<String, Object> copy = new LinkedHashMap<>();
      m.forEach((k, v) -> copy.put(String.valueOf(k), freezeValue(v)));
      return Collections.unmodifiableMap(copy);
    }
    if (value instanceof List<?> l) {
      List<Object> copy = new ArrayList<>(l.size());
      l.forEach(v -> copy.add(freezeValue(v)));
      return Collections.unmodifiableList(copy);
    }
    return value;
  }
}
