package dev.authjvm.conformance;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The kit's own SMTP server (GreenMail on a free loopback port), started on first use and shared by
 * every email check of the run, and the clock the email sections give the server so links can expire
 * without waiting.
 */
final class KitMail {
  private static final Pattern LINK = Pattern.compile("https?://\\S+/callback/email\\?\\S+");
  private static GreenMail server;
  static final MovableClock CLOCK = new MovableClock();

  private KitMail() {}

  static synchronized GreenMail server() {
    if (server == null) {
      server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
      server.start();
      Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
    }
    return server;
  }

  static String smtpUrl() {
    return "smtp://127.0.0.1:" + server().getSmtp().getPort();
  }

  /** The newest message to {@code address}, waiting up to ten seconds for delivery. */
  static MimeMessage messageTo(String address) throws InterruptedException {
    for (int i = 0; i < 100; i++) {
      MimeMessage[] received = server().getReceivedMessagesForDomain(address);
      if (received.length > 0) {
        return received[received.length - 1];
      }
      server().waitForIncomingEmail(100, 1);
    }
    throw new AssertionError("no message arrived for " + address);
  }

  static int messagesTo(String address) {
    return server().getReceivedMessagesForDomain(address).length;
  }

  /** The sign-in link in the plain-text part. */
  static String linkIn(MimeMessage message) throws Exception {
    String text = (String) ((MimeMultipart) message.getContent()).getBodyPart(0).getContent();
    return link(text);
  }

  static String link(String text) {
    Matcher m = LINK.matcher(text);
    if (!m.find()) {
      throw new AssertionError("no sign-in link in: " + text);
    }
    return m.group();
  }

  /** A link made relative to the base path, for {@link dev.authjvm.conformance.http.KitClient#get}. */
  static String relative(String link, String basePath) {
    return link.substring(link.indexOf(basePath + "/") + basePath.length() + 1);
  }

  /** The server's clock: real time plus an offset the checks move forward. */
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
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
