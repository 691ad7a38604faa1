package dev.authjvm.core.internal.codec;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Instants as JavaScript's {@code Date.prototype.toISOString()} writes them: {@code 2026-12-22T10:00:00.000Z}. */
public final class JsDate {
  private static final DateTimeFormatter ISO =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private JsDate() {}

  /** The instant in milliseconds, or {@code null} for {@code null}. */
  public static String format(Instant instant) {
    return instant == null ? null : ISO.format(instant);
  }
}
