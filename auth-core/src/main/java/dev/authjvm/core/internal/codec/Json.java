package dev.authjvm.core.internal.codec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.util.Map;

/** The one shared JSON mapper. {@code null} fields are left out, as {@code undefined} is in JavaScript. */
public final class Json {
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .setDefaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  /** Resolved once: a reader made per call would look the map type and its deserializer up again each time. */
  private static final ObjectReader OBJECT = MAPPER.readerFor(new TypeReference<Map<String, Object>>() {});

  private Json() {}

  public static byte[] write(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("value cannot be written as JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** Reads a JSON object; throws {@link IllegalArgumentException} for anything else. */
  public static Map<String, Object> readObject(byte[] json) {
    try {
      Map<String, Object> map = OBJECT.readValue(json);
      if (map == null) {
        throw new IllegalArgumentException("JSON value is not an object");
      }
      return map;
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("malformed JSON object", e);
    }
  }
}
