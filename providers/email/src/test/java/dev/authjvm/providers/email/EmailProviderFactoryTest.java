package dev.authjvm.providers.email;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authjvm.core.error.ConfigurationException;
import dev.authjvm.core.spi.Environment;
import dev.authjvm.core.spi.ProviderFactory;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class EmailProviderFactoryTest {
  final EmailProviderFactory factory = new EmailProviderFactory();

  @Test
  void theJarIsFoundByServiceLoader() {
    assertTrue(ServiceLoader.load(ProviderFactory.class).stream()
        .anyMatch(p -> p.type() == EmailProviderFactory.class));
  }

  @Test
  void withoutAnSmtpServerEmailSignInIsOff() {
    assertTrue(factory.create(Environment.of(Map.of())).isEmpty());
  }

  @Test
  void anSmtpServerAndASenderEnableIt() {
    var provider = factory.create(Environment.of(Map.of("AUTH_EMAIL_SERVER", "smtp://user:pw@mail.example.com:587",
        "AUTH_EMAIL_FROM", "no-reply@example.com"))).orElseThrow();
    assertEquals("email", provider.id());
    assertEquals("email", provider.type().wireName());
  }

  @Test
  void aServerWithoutASenderFailsNamingTheMissingVariable() {
    var e = assertThrows(ConfigurationException.class,
        () -> factory.create(Environment.of(Map.of("AUTH_EMAIL_SERVER", "smtp://mail.example.com"))));
    assertTrue(e.getMessage().contains("AUTH_EMAIL_FROM"), e.getMessage());
  }

  @Test
  void aServerThatIsNotAnSmtpUrlFailsNamingTheVariable() {
    var e = assertThrows(ConfigurationException.class, () -> factory.create(Environment.of(Map.of(
        "AUTH_EMAIL_SERVER", "mail.example.com:25", "AUTH_EMAIL_FROM", "no-reply@example.com"))));
    assertTrue(e.getMessage().contains("AUTH_EMAIL_SERVER"), e.getMessage());
  }

  @Test
  void theConfirmationStepIsOffByDefaultAndOnWithItsVariable() {
    Map<String, String> base = Map.of("AUTH_EMAIL_SERVER", "smtp://mail.example.com", "AUTH_EMAIL_FROM", "a@example.com");
    assertEquals(false, ((EmailProvider) factory.create(Environment.of(base)).orElseThrow()).confirmBeforeSignIn());
    var withConfirm = new java.util.HashMap<>(base);
    withConfirm.put("AUTH_EMAIL_CONFIRM", "true");
    assertEquals(true, ((EmailProvider) factory.create(Environment.of(withConfirm)).orElseThrow()).confirmBeforeSignIn());
  }
}
