package dev.authjvm.core.internal.http;

import dev.authjvm.core.http.HttpHeaders;
import dev.authjvm.core.internal.codec.Json;
import dev.authjvm.core.internal.codec.UriComponent;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A POST body as the flat string map every Auth.js action reads ({@code csrfToken}, {@code callbackUrl},
 * {@code json}, credentials...), from a form or a JSON object. For JSON, the raw values are kept too,
 * because {@code update(data)} sends arbitrary JSON in {@code data}.
 */
public record RequestBody(Map<String, String> fields, Map<String, Object> json) {

  public static final RequestBody EMPTY = new RequestBody(Map.of(), Map.of());

  /** Never throws: a body that cannot be parsed reads as empty, and the CSRF check then fails cleanly. */
  public static RequestBody parse(HttpHeaders headers, byte[] body) {
    if (body.length == 0) {
      return EMPTY;
    }
    String type = headers.first("Content-Type").orElse("").toLowerCase(java.util.Locale.ROOT);
    if (type.startsWith("application/json") || type.endsWith("+json")) {
      try {
        Map<String, Object> json = Json.readObject(body);
        Map<String, String> fields = new LinkedHashMap<>();
        json.forEach((k, v) -> {
          if (v instanceof String s) {
            fields.put(k, s);
          } else if (v instanceof Number || v instanceof Boolean) {
            fields.put(k, String.valueOf(v));
          }
        });
        return new RequestBody(Collections.unmodifiableMap(fields), Collections.unmodifiableMap(json));
      } catch (IllegalArgumentException malformed) {
        return EMPTY;
      }
    }
    // Forms, and beacons that arrive as text/plain or without a type, are URL-encoded.
    return new RequestBody(UriComponent.parseQuery(new String(body, StandardCharsets.UTF_8)), Map.of());
  }

  public String field(String name) {
    return fields.get(name);
  }

  /** The field names only: values are passwords, tokens and addresses, and must stay out of logs. */
  @Override
  public String toString() {
    return "RequestBody" + fields.keySet();
  }
}
