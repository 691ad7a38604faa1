package dev.authjvm.providers.email;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.authjvm.conformance.KitConfigs;
import dev.authjvm.conformance.http.KitClient;
import dev.authjvm.conformance.http.KitResponse;
import dev.authjvm.core.Auth;
import dev.authjvm.core.config.AuthConfig;
import dev.authjvm.core.config.Environment;
import dev.authjvm.core.store.AuthStore;
import dev.authjvm.undertow.AuthHandler;
import io.undertow.Undertow;
import io.undertow.util.StatusCodes;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Email sign-in end to end over real HTTP and real SMTP (GreenMail), on the store a subclass gives.
 * Three servers share the store: the standard one, one whose SMTP server is down, and one that asks
 * for a confirmation click.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EmailSignInChecks {
  static final Pattern LINK = Pattern.compile("https?://\\S+/callback/email\\?\\S+");

  GreenMail smtp;
  TokenRecordingStore store;
  final MovableClock clock = new MovableClock();
  Undertow standard;
  Undertow smtpDown;
  Undertow confirming;

  /** The store under test, with its schema in place. */
  abstract AuthStore createStore();

  void closeStore(AuthStore store) throws Exception {}

  @BeforeAll
  void start() throws Exception {
    smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    store = new TokenRecordingStore(createStore());
    String smtpUrl = "smtp://127.0.0.1:" + smtp.getSmtp().getPort();
    standard = serve(EmailProvider.builder(SmtpSender.of(smtpUrl, "Example <no-reply@example.com>")).build());
    smtpDown = serve(EmailProvider.builder(SmtpSender.of("smtp://127.0.0.1:" + closedPort(), "no-reply@example.com"))
        .build());
    confirming = serve(EmailProvider.builder(SmtpSender.of(smtpUrl, "no-reply@example.com"))
        .confirmBeforeSignIn(true).build());
  }

  @AfterAll
  void stop() throws Exception {
    standard.stop();
    smtpDown.stop();
    confirming.stop();
    smtp.stop();
    closeStore(store.delegate());
  }

  Undertow serve(EmailProvider provider) {
    AuthConfig config = AuthConfig.builder().secret(KitConfigs.SECRET).environment(Environment.of(Map.of()))
        .discoverProviders(false).discoverStore(false).provider(provider).store(store).clock(clock).build();
    Undertow server = Undertow.builder().addHttpListener(0, "127.0.0.1")
        .setHandler(AuthHandler.mount(Auth.create(config), exchange -> exchange.setStatusCode(StatusCodes.NOT_FOUND)))
        .build();
    server.start();
    return server;
  }

  static KitClient browser(Undertow server) {
    int port = ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
    return new KitClient(URI.create("http://127.0.0.1:" + port + "/api/auth"));
  }

  static String newAddress() {
    return "user-" + UUID.randomUUID() + "@example.com";
  }

  static KitResponse requestLink(KitClient browser, String email) {
    return browser.post("signin/email")
        .form(Map.of("csrfToken", browser.csrfToken(), "email", email, "callbackUrl", browser.origin() + "/welcome"))
        .send();
  }

  /** The newest message to {@code email}, waiting for SMTP delivery. */
  MimeMessage messageTo(String email) throws Exception {
    for (int i = 0; i < 100; i++) {
      MimeMessage[] received = smtp.getReceivedMessagesForDomain(email);
      if (received.length > 0) {
        return received[received.length - 1];
      }
      smtp.waitForIncomingEmail(100, 1);
    }
    throw new AssertionError("no message for " + email);
  }

  String linkIn(MimeMessage message) throws Exception {
    String text = (String) ((MimeMultipart) message.getContent()).getBodyPart(0).getContent();
    Matcher m = LINK.matcher(text);
    assertTrue(m.find(), "a link in: " + text);
    return m.group();
  }

  /** The path of an absolute link below the base path, for the kit client. */
  static String relative(String link) {
    return link.substring(link.indexOf("/api/auth/") + "/api/auth/".length());
  }

  String sessionEmail(KitClient browser) {
    return browser.get("session").send().json().path("user").path("email").asText(null);
  }

  @Test
  void followingTheMailedLinkSignsInAndReturnsToTheCallbackUrl() throws Exception {
    KitClient browser = browser(standard);
    String email = newAddress();
    requestLink(browser, email);

    KitResponse followed = browser.get(relative(linkIn(messageTo(email)))).send();

    assertEquals(302, followed.status());
    assertEquals(browser.origin() + "/welcome", followed.header("Location").orElseThrow());
    assertEquals(email, sessionEmail(browser));
  }

  @Test
  void requestingALinkLeadsToTheVerifyRequestPage() {
    KitResponse r = requestLink(browser(standard), newAddress());
    assertEquals(302, r.status());
    assertTrue(r.header("Location").orElseThrow().endsWith("/api/auth/verify-request?provider=email&type=email"),
        r.header("Location").orElseThrow());
  }

  @Test
  void inJsonModeTheClientGetsTheVerifyRequestUrl() {
    KitClient browser = browser(standard);
    KitResponse r = browser.post("signin/email").header("X-Auth-Return-Redirect", "1")
        .form(Map.of("csrfToken", browser.csrfToken(), "email", newAddress())).send();
    assertEquals(200, r.status());
    assertTrue(r.json().path("url").asText().contains("/verify-request?provider=email&type=email"), r.body());
  }

  @Test
  void theMessageGoesToTheNormalisedAddressWithTextAndHtmlParts() throws Exception {
    String email = newAddress();
    requestLink(browser(standard), "  " + email.toUpperCase() + " ");
    MimeMessage message = messageTo(email);
    assertEquals("Sign in to 127.0.0.1", message.getSubject());
    MimeMultipart parts = (MimeMultipart) message.getContent();
    assertEquals(2, parts.getCount());
    assertTrue(parts.getBodyPart(1).getContentType().startsWith("text/html"));
    assertTrue(((String) parts.getBodyPart(1).getContent()).contains("&amp;token="), "the link is escaped in HTML");
  }

  @Test
  void aLinkWorksOnlyOnce() throws Exception {
    String email = newAddress();
    requestLink(browser(standard), email);
    String link = relative(linkIn(messageTo(email)));
    browser(standard).get(link).send();

    KitClient second = browser(standard);
    KitResponse reused = second.get(link).send();

    assertEquals(302, reused.status());
    assertTrue(reused.header("Location").orElseThrow().contains("/error?error=Verification"));
    assertEquals(null, sessionEmail(second));
  }

  @Test
  void anExpiredLinkIsRefused() throws Exception {
    String email = newAddress();
    requestLink(browser(standard), email);
    String link = relative(linkIn(messageTo(email)));
    clock.advance(Duration.ofHours(24).plusSeconds(1));
    try {
      KitClient browser = browser(standard);
      KitResponse r = browser.get(link).send();
      assertTrue(r.header("Location").orElseThrow().contains("/error?error=Verification"));
      assertEquals(null, sessionEmail(browser));
    } finally {
      clock.reset();
    }
  }

  @Test
  void aForgedTokenIsRefused() throws Exception {
    String email = newAddress();
    requestLink(browser(standard), email);
    String link = relative(linkIn(messageTo(email)));
    String forged = link.replaceAll("token=[0-9a-f]+", "token=" + "ab".repeat(32));
    KitResponse r = browser(standard).get(forged).send();
    assertTrue(r.header("Location").orElseThrow().contains("/error?error=Verification"));
  }

  @Test
  void aTokenSentToOneAddressDoesNotSignInAnother() throws Exception {
    String email = newAddress();
    requestLink(browser(standard), email);
    String link = relative(linkIn(messageTo(email)));
    String otherAddress = link.replace("email=" + email.replace("@", "%40"), "email=" + newAddress().replace("@", "%40"));
    KitClient browser = browser(standard);
    KitResponse r = browser.get(otherAddress).send();
    assertTrue(r.header("Location").orElseThrow().contains("/error?error=Verification"), r.header("Location").orElseThrow());
    assertEquals(null, sessionEmail(browser));
  }

  @Test
  void withoutTheCsrfTokenNoMessageIsSent() throws Exception {
    String email = newAddress();
    KitClient browser = browser(standard);
    KitResponse r = browser.post("signin/email").form(Map.of("email", email)).send();
    assertEquals(302, r.status());
    assertTrue(r.header("Location").orElseThrow().contains("error=MissingCSRF"), r.header("Location").orElseThrow());
    assertEquals(0, smtp.getReceivedMessagesForDomain(email).length);
  }

  @Test
  void somethingThatIsNotAnAddressIsRefusedWithEmailSignin() {
    KitResponse r = requestLink(browser(standard), "not-an-address");
    assertTrue(r.header("Location").orElseThrow().contains("error=EmailSignin"), r.header("Location").orElseThrow());
  }

  @Test
  void whenSmtpFailsTheUserSeesEmailSigninAndNoUsableTokenIsLeft() {
    String email = newAddress();
    KitResponse r = requestLink(browser(smtpDown), email);
    assertTrue(r.header("Location").orElseThrow().contains("error=EmailSignin"), r.header("Location").orElseThrow());
    var token = store.created.stream().filter(t -> t.identifier().equals(email)).findFirst().orElseThrow();
    assertTrue(store.delegate().useVerificationToken(email, token.tokenHash()).isEmpty(), "the token was withdrawn");
  }

  @Test
  void withConfirmationOpeningTheLinkShowsAButtonAndUsesNothing() throws Exception {
    String email = newAddress();
    requestLink(browser(confirming), email);
    String link = relative(linkIn(messageTo(email)));
    KitClient scanner = browser(confirming);
    KitResponse page = scanner.get(link).send();
    scanner.get(link).send();

    assertEquals(200, page.status());
    assertTrue(page.body().contains("<form") && page.body().contains("method=\"POST\"") && page.body().contains(">Sign in</button>"));
    assertEquals(null, sessionEmail(scanner));

    KitClient person = browser(confirming);
    String token = link.replaceAll(".*token=([0-9a-f]+).*", "$1");
    KitResponse confirmed = person.post("callback/email")
        .form(Map.of("token", token, "email", email, "callbackUrl", person.origin() + "/welcome")).send();
    assertEquals(302, confirmed.status());
    assertEquals(email, sessionEmail(person));
  }

  @Test
  void theConfirmationPageEscapesWhatTheLinkCarries() {
    KitResponse page = browser(confirming).get("callback/email?token=abc&email=%3Cscript%3E%40x.com").send();
    assertFalse(page.body().contains("<script>@x.com"), page.body());
  }

  static int closedPort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** The server's clock, moved forward to let links expire. */
  static final class MovableClock extends Clock {
    private volatile Duration offset = Duration.ZERO;

    void advance(Duration d) {
      offset = offset.plus(d);
    }

    void reset() {
      offset = Duration.ZERO;
    }

    @Override
    public Instant instant() {
      return Instant.now().plus(offset);
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
