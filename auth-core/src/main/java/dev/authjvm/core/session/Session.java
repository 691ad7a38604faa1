package dev.authjvm.core.session;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.authjvm.core.internal.codec.JsDate;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A session as {@code GET /session} answers it:
 * {@code {"user":{"name","email","image"},"expires":"2026-12-22T10:00:00.000Z", ...extra}}.
 *
 * @param extra further top-level fields a session callback adds (e.g. {@code accessToken})
 */
public record Session(SessionUser user, Instant expires, Map<String, Object> extra) {
  public Session {
    extra = extra == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extra));
  }

  public Session(SessionUser user, Instant expires) {
    this(user, expires, Map.of());
  }

  /** A copy with one more top-level field. */
  public Session with(String name, Object value) {
    Map<String, Object> copy = new LinkedHashMap<>(extra);
    copy.put(name, value);
    return new Session(user, expires, copy);
  }

  /** The JSON shape; {@code expires} as JavaScript's {@code Date.toISOString()} writes it. */
  @JsonValue
  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    if (user != null) {
      json.put("user", user);
    }
    if (expires != null) {
      json.put("expires", JsDate.format(expires));
    }
    json.putAll(extra);
    return json;
  }
}
