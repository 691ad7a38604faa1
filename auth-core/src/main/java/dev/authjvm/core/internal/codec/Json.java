package dev.authjvm.core.internal.codec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/** The one shared JSON mapper. {@code null} fields are left out, as {@code undefined} is in JavaScript. */
public final class Json {
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .setDefaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

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
      Map<String, Object> map = MAPPER.readValue(json, OBJECT);
      if (map == null) {
        throw new IllegalArgumentException("JSON value is not an object");
      }
      return map;
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("malformed JSON object", e);
    }
  }
}
