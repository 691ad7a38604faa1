package dev.authjvm.core.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Spec §7.2, v5 rules: one address, one spelling. */
class EmailAddressTest {
  @ParameterizedTest
  @CsvSource({
      "Ada@Example.COM, ada@example.com",
      "'  ada@example.com  ', ada@example.com",
      "'ada@example.com,evil.com', ada@example.com",
      "ＡＤＡ@example.com, ada@example.com",
      "ada+tag@localhost, ada+tag@localhost"})
  void anAddressIsNormalised(String raw, String expected) {
    assertEquals(Optional.of(expected), EmailAddress.normalize(raw));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"ada", "@example.com", "ada@", "ada@b@example.com", "\"ada\"@example.com",
      "ada @example.com", "ada@exa\tmple.com"})
  void somethingThatIsNotOneAddressIsRefused(String raw) {
    assertTrue(EmailAddress.normalize(raw).isEmpty(), raw);
  }
}
