package dev.authjvm.providers.email;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.authjvm.core.config.ConfigurationException;
import jakarta.mail.MessagingException;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Sign-in links and SMTP passwords never cross the network in clear text unless the configuration says
 * so. The server here offers no STARTTLS, as a downgrading attacker's server would not. It listens on
 * 127.0.0.2, which the sender does not treat as a local relay (only localhost, 127.0.0.1 and ::1 are),
 * so it stands for a remote server while the traffic stays on this machine.
 */
class SmtpTransportSecurityTest {
  private GreenMail plainServer;

  @BeforeEach
  void start() {
    plainServer = new GreenMail(new ServerSetup(0, "127.0.0.2", ServerSetup.PROTOCOL_SMTP));
    plainServer.start();
  }

  @AfterEach
  void stop() {
    plainServer.stop();
  }

  private String url(String query) {
    return "smtp://127.0.0.2:" + plainServer.getSmtp().getPort() + query;
  }

  private static VerificationRequest link() {
    return new VerificationRequest("victim@example.com", "https://app.example.com/api/auth/callback/email?token=t",
        Instant.now().plusSeconds(600), "app.example.com", "Email");
  }

  @Test
  void aRemoteServerWithoutStartTlsGetsNothing() {
    SmtpSender sender = SmtpSender.of(url(""), "no-reply@example.com");
    MessagingException e = assertThrows(MessagingException.class, () -> sender.send(link()));
    assertTrue(e.getMessage().toLowerCase().contains("starttls"), e.getMessage());
    assertEquals(0, plainServer.getReceivedMessages().length);
  }

  @Test
  void clearTextToARemoteServerNeedsAnExplicitOptOut() throws MessagingException {
    SmtpSender.of(url("?starttls=optional"), "no-reply@example.com").send(link());
    assertEquals(1, plainServer.getReceivedMessages().length);
  }

  @Test
  void anUnknownStartTlsSettingFailsAtStartUpNamingTheVariable() {
    var e = assertThrows(ConfigurationException.class, () -> SmtpSender.of(url("?starttls=maybe"), "no-reply@example.com"));
    assertTrue(e.getMessage().startsWith("AUTH_EMAIL_SERVER"), e.getMessage());
  }
}
