package dev.authjvm.metrics;

import io.micrometer.core.instrument.Meter;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.BiFunction;

/**
 * The meters of one name, registered on first use and then found by their two tag values with two
 * map lookups and no allocation. A meter with one tag uses an empty second value.
 */
final class MeterTable<M extends Meter> {
  private final ConcurrentMap<String, ConcurrentMap<String, M>> rows = new ConcurrentHashMap<>();
  private final BiFunction<String, String, M> register;

  /** @param register registers the meter of two tag values (the registry returns an existing one as it is) */
  MeterTable(BiFunction<String, String, M> register) {
    this.register = register;
  }

  M get(String first, String second) {
    ConcurrentMap<String, M> row = rows.get(first);
    M meter = row == null ? null : row.get(second);
    return meter != null ? meter : registered(first, second);
  }

  private M registered(String first, String second) {
    return rows.computeIfAbsent(first, k -> new ConcurrentHashMap<>())
        .computeIfAbsent(second, k -> register.apply(first, second));
  }
}
