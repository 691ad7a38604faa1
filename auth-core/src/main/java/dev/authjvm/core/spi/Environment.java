package dev.authjvm.core.spi;

import dev.authjvm.core.error.ConfigurationException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** A read-only view of environment variables; tests pass a map, applications {@link #system()}. */
public record Environment(Map<String, String> variables) {
  public Environment {
    variables = Map.copyOf(variables);
  }

  public static Environment system() {
    return new Environment(System.getenv());
  }

  public static Environment of(Map<String, String> variables) {
    return new Environment(variables);
  }

  /** The value, or empty when unset or blank. */
  public Optional<String> get(String name) {
    String v = variables.get(name);
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
  }

  /** The first of the names that is set, e.g. {@code AUTH_URL} then {@code NEXTAUTH_URL}. */
  public Optional<String> first(String... names) {
    for (String n : names) {
      Optional<String> v = get(n);
      if (v.isPresent()) {
        return v;
      }
    }
    return Optional.empty();
  }

  /** {@code true}/{@code 1}/{@code yes} as true, {@code false}/{@code 0}/{@code no} as false. */
  public Optional<Boolean> flag(String name) {
    return get(name).map(v -> switch (v.toLowerCase(Locale.ROOT)) {
      case "true", "1", "yes", "on" -> true;
      case "false", "0", "no", "off" -> false;
      default -> throw new ConfigurationException(name + " must be true or false, not '" + v + "'");
    });
  }
}
