package dev.authjvm.providers.webauthn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authjvm.core.error.ConfigurationException;
import dev.authjvm.core.provider.Provider;
import dev.authjvm.core.provider.ProviderType;
import dev.authjvm.core.spi.Environment;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** AUTH_PASSKEY switches the passkey provider on; nothing else does. */
class PasskeyProviderFactoryTest {
  private static Optional<Provider> create(Map<String, String> env) {
    return new PasskeyProviderFactory().create(Environment.of(env));
  }

  @Test
  void authPasskeyTrueEnablesThePasskeyProvider() {
    Provider p = create(Map.of("AUTH_PASSKEY", "true")).orElseThrow();
    assertEquals("passkey", p.id());
    assertEquals("Passkey", p.name());
    assertEquals(ProviderType.WEBAUTHN, p.type());
  }

  @Test
  void withoutAuthPasskeyOrWithFalseThereIsNoProvider() {
    assertTrue(create(Map.of()).isEmpty());
    assertTrue(create(Map.of("AUTH_PASSKEY", "false")).isEmpty());
  }

  @Test
  void aValueThatIsNotABooleanFailsNamingTheVariable() {
    assertTrue(assertThrows(ConfigurationException.class, () -> create(Map.of("AUTH_PASSKEY", "passkey")))
        .getMessage().startsWith("AUTH_PASSKEY"));
  }
}
