package dev.authjvm.core.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** One address, one spelling; and no two addresses one by Unicode case folding. */
class EmailAddressTest {
  @ParameterizedTest
  @CsvSource({
      "Ada@Example.COM, ada@example.com",
      "'  ada@example.com  ', ada@example.com",
      "'ada@example.com,evil.com', ada@example.com",
      "ada+tag@localhost, ada+tag@localhost"})
  void anAddressIsNormalised(String raw, String expected) {
    assertEquals(Optional.of(expected), EmailAddress.normalize(raw));
  }

  /** Each pair would be one address after Unicode lower-casing or NFKC; they must stay two. */
  @ParameterizedTest
  @CsvSource({
      "\u212Aelvin@example.com, kelvin@example.com",
      "ı@example.com, i@example.com",
      "İ@example.com, i@example.com",
      "straße@example.com, strasse@example.com",
      "ＡＤＡ@example.com, ada@example.com",
      "ﬁ@example.com, fi@example.com"})
  void noUnicodeFoldingMakesTwoAddressesOne(String lookAlike, String victim) {
    assertNotEquals(EmailAddress.normalize(victim), EmailAddress.normalize(lookAlike));
    assertTrue(EmailAddress.normalize(lookAlike).isPresent(), lookAlike);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"ada", "@example.com", "ada@", "ada@b@example.com", "\"ada\"@example.com",
      "ada @example.com", "ada@exa\tmple.com"})
  void somethingThatIsNotOneAddressIsRefused(String raw) {
    assertTrue(EmailAddress.normalize(raw).isEmpty(), raw);
  }
}
