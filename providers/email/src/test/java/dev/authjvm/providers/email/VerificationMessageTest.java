package dev.authjvm.providers.email;

import dev.authjvm.core.provider.VerificationRequest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class VerificationMessageTest {
  final VerificationMessage message = VerificationMessage.of(new VerificationRequest("ada@example.com",
      "https://example.com/api/auth/callback/email?token=ab&email=ada%40example.com", Instant.EPOCH,
      "<b>example.com</b>", "Email"));

  @Test
  void theSubjectNamesTheSite() {
    assertEquals("Sign in to <b>example.com</b>", message.subject());
  }

  @Test
  void theTextCarriesTheLinkOnALineOfItsOwn() {
    assertTrue(message.text().contains("\nhttps://example.com/api/auth/callback/email?token=ab&email=ada%40example.com\n"));
  }

  @Test
  void theHtmlEscapesEveryInsertedValue() {
    assertFalse(message.html().contains("<b>example.com</b>"));
    assertTrue(message.html().contains("&lt;b&gt;example.com&lt;/b&gt;"));
    assertTrue(message.html().contains("token=ab&amp;email="));
  }
}
