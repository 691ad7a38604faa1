package dev.authjvm.core.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable, ordered list of HTTP header fields with case-insensitive lookup.
 * Header counts are small, so a list with linear lookup beats a map in both memory and speed.
 */
public final class HttpHeaders {
  private static final java.util.Set<String> SECRET_FIELDS =
      java.util.Set.of("cookie", "set-cookie", "authorization", "proxy-authorization");
  private static final HttpHeaders EMPTY = new HttpHeaders(List.of());
  private final List<Map.Entry<String, String>> fields;

  private HttpHeaders(List<Map.Entry<String, String>> fields) {
    this.fields = fields;
  }

  public static HttpHeaders empty() {
    return EMPTY;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The first value of the field, if present. */
  public Optional<String> first(String name) {
    for (Map.Entry<String, String> f : fields) {
      if (f.getKey().equalsIgnoreCase(name)) {
        return Optional.of(f.getValue());
      }
    }
    return Optional.empty();
  }

  public boolean contains(String name) {
    return first(name).isPresent();
  }

  /** Every value of the field, in order. */
  public List<String> all(String name) {
    List<String> values = new ArrayList<>(2);
    for (Map.Entry<String, String> f : fields) {
      if (f.getKey().equalsIgnoreCase(name)) {
        values.add(f.getValue());
      }
    }
    return values;
  }

  /** All fields in order, names as given. */
  public List<Map.Entry<String, String>> fields() {
    return fields;
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.fields.addAll(fields);
    return b;
  }

  /** The fields, with the values of credential-bearing ones ({@code Cookie}, {@code Authorization}…) redacted. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("[");
    for (Map.Entry<String, String> f : fields) {
      if (sb.length() > 1) {
        sb.append(", ");
      }
      boolean secret = SECRET_FIELDS.contains(f.getKey().toLowerCase(java.util.Locale.ROOT));
      sb.append(f.getKey()).append('=').append(secret ? "[redacted]" : f.getValue());
    }
    return sb.append(']').toString();
  }

  /** Collects header fields; not thread-safe. */
  public static final class Builder {
    private final List<Map.Entry<String, String>> fields = new ArrayList<>();

    public Builder add(String name, String value) {
      fields.add(Map.entry(name, value));
      return this;
    }

    /** Replaces every field of that name with one field. */
    public Builder set(String name, String value) {
      fields.removeIf(f -> f.getKey().equalsIgnoreCase(name));
      return add(name, value);
    }

    public Builder remove(String name) {
      fields.removeIf(f -> f.getKey().equalsIgnoreCase(name));
      return this;
    }

    public HttpHeaders build() {
      return fields.isEmpty() ? EMPTY : new HttpHeaders(Collections.unmodifiableList(new ArrayList<>(fields)));
    }
  }
}
