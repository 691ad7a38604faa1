package dev.authjvm.providers.oauth.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProfilesTest {
  @Test
  void nestedObjectsAndListsAreReachedByPath() {
    Map<String, Object> p = Map.of("data", Map.of("images", List.of(Map.of("url", "https://i.example/1"))));
    assertEquals("https://i.example/1", Profiles.string(p, "data", "images", 0, "url"));
  }

  @Test
  void numericIdsReadAsIntegersWhateverTheParserGave() {
    assertEquals("12", Profiles.string(Map.of("id", 12.0), "id"));
    assertEquals("9007199254740993", Profiles.string(Map.of("id", 9007199254740993L), "id"));
  }

  @Test
  void blankAndAbsentValuesAreNull() {
    assertNull(Profiles.string(Map.of("name", " "), "name"));
    assertNull(Profiles.string(Map.of(), "images", 0, "url"));
  }

  @Test
  void firstTakesTheFirstKeyWithAValue() {
    assertEquals("ada", Profiles.first(Map.of("preferred_username", "ada"), "name", "preferred_username"));
  }
}
