package dev.authjvm.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authjvm.conformance.http.KitClient;
import dev.authjvm.conformance.http.KitResponse;
import dev.authjvm.core.config.AuthConfigBuilder;
import dev.authjvm.core.store.InMemoryAuthStore;
import dev.authjvm.providers.email.EmailProvider;
import dev.authjvm.providers.email.SmtpSender;
import dev.authjvm.providers.email.VerificationRequest;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Email sign-in through the adapter, with real SMTP: the kit starts its own mail server and reads
 * the link from the delivered message. The store is an in-memory one unless the kit run configures
 * its own (then these checks run on it).
 */
public abstract class EmailChecks extends RobustnessChecks {

  static String newAddress() {
    return "user-" + UUID.randomUUID() + "@example.com";
  }

  static AuthConfigBuilder withEmail(EmailProvider provider) {
    return KitConfigs.builder().provider(provider).store(new InMemoryAuthStore()).credentialsDatabaseSessions(true)
        .clock(KitMail.CLOCK);
  }

  /** Email sign-in through the kit's own SMTP server. */
  static AuthConfigBuilder withKitMail() {
    return withEmail(EmailProvider.builder(SmtpSender.of(KitMail.smtpUrl(), "Kit <kit@example.com>")).build());
  }

  static KitResponse requestLink(KitClient browser, String email) {
    return browser.post("signin/email")
        .form(Map.of("csrfToken", browser.csrfToken(), "email", email, "callbackUrl", browser.origin() + "/welcome"))
        .send();
  }

  static String basePath(KitClient browser) {
    return URI.create(browser.url("x")).getPath().replaceAll("/x$", "");
  }

  static String linkFor(KitClient browser, String email) throws Exception {
    return KitMail.relative(KitMail.linkIn(KitMail.messageTo(email)), basePath(browser));
  }

  static String sessionEmail(KitClient browser) {
    return browser.get("session").send().json().path("user").path("email").asText(null);
  }

  static void assertVerificationError(KitResponse r) {
    assertEquals(302, r.status());
    assertTrue(r.header("Location").orElse("").contains("/error?error=Verification"), r.header("Location").orElse(""));
  }

  @Nested
  @DisplayName("§7.2 email sign-in: POST /signin/email and the emailed link")
  public class EmailSignIn extends Section {
    @Override
    protected boolean needsOwnConfiguration() {
      return true;
    }

    @Override
    protected AuthConfigBuilder configuration() {
      return withKitMail();
    }

    @Test
    void followingTheEmailedLinkSignsInAndReturnsToTheCallbackUrl() throws Exception {
      String email = newAddress();
      requestLink(browser, email);
      KitResponse followed = browser.get(linkFor(browser, email)).send();
      assertEquals(302, followed.status());
      assertEquals(browser.origin() + "/welcome", followed.header("Location").orElseThrow());
      assertEquals(email, sessionEmail(browser));
    }

    @Test
    void requestingALinkLeadsToTheVerifyRequestPage() {
      KitResponse r = requestLink(browser, newAddress());
      assertEquals(302, r.status());
      assertTrue(r.header("Location").orElseThrow().endsWith("/verify-request?provider=email&type=email"));
    }

    @Test
    void inV5JsonModeTheClientGetsTheVerifyRequestUrl() {
      KitResponse r = browser.post("signin/email").header("X-Auth-Return-Redirect", "1")
          .form(Map.of("csrfToken", browser.csrfToken(), "email", newAddress())).send();
      assertEquals(200, r.status());
      assertTrue(r.json().path("url").asText().contains("/verify-request?provider=email&type=email"), r.body());
    }

    @Test
    void inV4JsonModeTheClientGetsTheVerifyRequestUrl() {
      KitResponse r = browser.post("signin/email")
          .form(Map.of("csrfToken", browser.csrfToken(), "email", newAddress(), "json", "true")).send();
      assertEquals(200, r.status());
      assertTrue(r.json().path("url").asText().contains("/verify-request?provider=email&type=email"), r.body());
    }

    @Test
    void theMessageGoesToTheNormalisedAddressInTextAndHtml() throws Exception {
      String email = newAddress();
      requestLink(browser, "  " + email.toUpperCase(java.util.Locale.ROOT) + " ");
      MimeMessage message = KitMail.messageTo(email);
      assertTrue(message.getSubject().startsWith("Sign in to "), message.getSubject());
      MimeMultipart parts = (MimeMultipart) message.getContent();
      assertTrue(parts.getBodyPart(1).getContentType().startsWith("text/html"));
      assertTrue(((String) parts.getBodyPart(1).getContent()).contains("&amp;token="), "the link is escaped in HTML");
    }

    @Test
    void aLinkWorksOnlyOnce() throws Exception {
      String email = newAddress();
      requestLink(browser, email);
      String link = linkFor(browser, email);
      browser.get(link).send();
      KitClient second = anotherBrowser();
      assertVerificationError(second.get(link).send());
      assertNull(sessionEmail(second));
    }

    @Test
    void anExpiredLinkIsRefused() throws Exception {
      String email = newAddress();
      requestLink(browser, email);
      String link = linkFor(browser, email);
      KitMail.CLOCK.advance(Duration.ofHours(24).plusMinutes(1));
      try {
        KitClient other = anotherBrowser();
        assertVerificationError(other.get(link).send());
        assertNull(sessionEmail(other));
      } finally {
        KitMail.CLOCK.reset();
      }
    }

    @Test
    void aForgedTokenIsRefused() throws Exception {
      String email = newAddress();
      requestLink(browser, email);
      String forged = linkFor(browser, email).replaceAll("token=[0-9a-f]+", "token=" + "ab".repeat(32));
      assertVerificationError(anotherBrowser().get(forged).send());
    }

    @Test
    void aLinkWhoseAddressWasChangedSignsNobodyIn() throws Exception {
      String email = newAddress();
      requestLink(browser, email);
      String link = linkFor(browser, email)
          .replace("email=" + email.replace("@", "%40"), "email=" + newAddress().replace("@", "%40"));
      KitClient other = anotherBrowser();
      assertVerificationError(other.get(link).send());
      assertNull(sessionEmail(other));
    }

    @Test
    void withoutTheCsrfTokenNoMessageIsSent() {
      String email = newAddress();
      KitResponse r = browser.post("signin/email").form(Map.of("email", email)).send();
      assertEquals(302, r.status());
      assertTrue(r.header("Location").orElseThrow().contains("error=MissingCSRF"), r.header("Location").orElseThrow());
      assertEquals(0, KitMail.messagesTo(email));
    }

    @Test
    void somethingThatIsNotAnAddressIsEmailSignin() {
      KitResponse r = requestLink(browser, "not-an-address");
      assertTrue(r.header("Location").orElseThrow().contains("error=EmailSignin"), r.header("Location").orElseThrow());
    }
  }

  @Nested
  @DisplayName("§7.2 email sign-in when the SMTP server is down")
  public class EmailSmtpDown extends Section {
    final List<VerificationRequest> attempted = new CopyOnWriteArrayList<>();

    @Override
    protected boolean needsOwnConfiguration() {
      return true;
    }

    @Override
    protected AuthConfigBuilder configuration() {
      SmtpSender unreachable = SmtpSender.of("smtp://127.0.0.1:" + closedPort(), "kit@example.com");
      return withEmail(EmailProvider.builder(request -> {
        attempted.add(request);
        unreachable.send(request);
      }).build());
    }

    @Test
    void theUserSeesEmailSigninAndTheUnsentLinkDoesNotWork() {
      String email = newAddress();
      KitResponse r = requestLink(browser, email);
      assertTrue(r.header("Location").orElseThrow().contains("error=EmailSignin"), r.header("Location").orElseThrow());
      String link = attempted.stream().filter(a -> a.identifier().equals(email)).findFirst().orElseThrow().url();
      assertVerificationError(anotherBrowser().get(KitMail.relative(link, basePath(browser))).send());
    }
  }

  @Nested
  @DisplayName("§7.2 email sign-in with a confirmation click (mail scanners)")
  public class EmailConfirmation extends Section {
    @Override
    protected boolean needsOwnConfiguration() {
      return true;
    }

    @Override
    protected AuthConfigBuilder configuration() {
      return withEmail(EmailProvider.builder(SmtpSender.of(KitMail.smtpUrl(), "kit@example.com"))
          .confirmBeforeSignIn(true).build());
    }

    @Test
    void openingTheLinkShowsAButtonAndUsesNothingUntilItIsPosted() throws Exception {
      String email = newAddress();
      requestLink(browser, email);
      String link = linkFor(browser, email);
      KitClient scanner = anotherBrowser();
      KitResponse page = scanner.get(link).send();
      scanner.get(link).send();
      assertEquals(200, page.status());
      assertTrue(page.body().contains("method=\"POST\"") && page.body().contains(">Sign in</button>"), page.body());
      assertNull(sessionEmail(scanner));

      KitClient person = anotherBrowser();
      KitResponse confirmed = person.post("callback/email").form(Map.of("token",
          link.replaceAll(".*token=([0-9a-f]+).*", "$1"), "email", email, "callbackUrl", person.origin() + "/welcome"))
          .send();
      assertEquals(302, confirmed.status());
      assertEquals(email, sessionEmail(person));
    }

    @Test
    void theConfirmationPageEscapesWhatTheLinkCarries() {
      KitResponse page = browser.get("callback/email?token=abc&email=%3Cscript%3E%40x.com").send();
      assertFalse(page.body().contains("<script>@x.com"), page.body());
    }
  }

  static int closedPort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
