package dev.authjvm.core.jwt;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The claims of a session token: an immutable, ordered JSON object. The standard Auth.js claims
 * ({@code name}, {@code email}, {@code picture}, {@code sub}) have accessors; anything a
 * {@code jwt} callback adds is kept as given and must be JSON-serialisable.
 */
public final class JwtClaims {
  private static final JwtClaims EMPTY = new JwtClaims(Map.of());
  private final Map<String, Object> claims;

  private JwtClaims(Map<String, Object> claims) {
    this.claims = claims;
  }

  public static JwtClaims empty() {
    return EMPTY;
  }

  public static JwtClaims of(Map<String, ?> claims) {
    Map<String, Object> copy = new LinkedHashMap<>();
    claims.forEach((k, v) -> {
      if (v != null) {
        copy.put(k, v);
      }
    });
    return new JwtClaims(Collections.unmodifiableMap(copy));
  }

  /**
   * Claims read from a token: the map is fresh from the JSON parser and no one else holds it, so it is
   * kept rather than copied; {@code null} values are dropped as in {@link #of}.
   */
  static JwtClaims adopt(Map<String, Object> parsed) {
    parsed.values().removeIf(Objects::isNull);
    return new JwtClaims(Collections.unmodifiableMap(parsed));
  }

  /** A copy with the claim set, or removed when {@code value} is {@code null}. */
  public JwtClaims with(String name, Object value) {
    Map<String, Object> copy = new LinkedHashMap<>(claims);
    if (value == null) {
      copy.remove(name);
    } else {
      copy.put(name, value);
    }
    return new JwtClaims(Collections.unmodifiableMap(copy));
  }

  public Object get(String name) {
    return claims.get(name);
  }

  /** The claim as a string, or {@code null} when absent or not a string. */
  public String string(String name) {
    return claims.get(name) instanceof String s ? s : null;
  }

  /** The claim as epoch seconds, or {@code null} when absent or not a number. */
  public Long epochSeconds(String name) {
    return claims.get(name) instanceof Number n ? n.longValue() : null;
  }

  public String name() {
    return string("name");
  }

  public String email() {
    return string("email");
  }

  public String picture() {
    return string("picture");
  }

  public String sub() {
    return string("sub");
  }

  public Map<String, Object> asMap() {
    return claims;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof JwtClaims other && claims.equals(other.claims);
  }

  @Override
  public int hashCode() {
    return Objects.hash(claims);
  }

  @Override
  public String toString() {
    return "JwtClaims" + claims.keySet();
  }
}
