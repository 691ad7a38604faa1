package dev.authjvm.providers.email;

import dev.authjvm.core.config.ConfigurationException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.Properties;

/**
 * Sends the built-in message over SMTP with Angus Mail. Configured by a URL as Auth.js users write
 * it: {@code smtp://user:password@host:587} (STARTTLS) or {@code smtps://user:password@host:465} (TLS
 * from the start); user and password are URL-encoded. The server's certificate must name its host.
 *
 * <p>Over {@code smtp://} STARTTLS is required, so that neither the password nor the sign-in links
 * (each one signs its holder in) cross the network in clear text: a server that does not offer it
 * fails the send. Only {@code localhost}, {@code 127.0.0.1} and {@code ::1} are exempt (a local relay
 * or test server), and a URL may opt out explicitly with {@code ?starttls=optional} (STARTTLS when
 * offered, clear text otherwise).
 */
public final class SmtpSender implements VerificationSender {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final Session session;
  private final String protocol;
  private final String user;
  private final String password;
  private final InternetAddress from;

  private SmtpSender(Session session, String protocol, String user, String password, InternetAddress from) {
    this.session = session;
    this.protocol = protocol;
    this.user = user;
    this.password = password;
    this.from = from;
  }

  /**
   * @param serverUrl the {@code AUTH_EMAIL_SERVER} value
   * @param from      the {@code AUTH_EMAIL_FROM} value, e.g. {@code Example <no-reply@example.com>}
   * @throws ConfigurationException naming the variable that is wrong
   */
  public static SmtpSender of(String serverUrl, String from) {
    URI uri;
    try {
      uri = new URI(serverUrl);
    } catch (URISyntaxException e) {
      throw new ConfigurationException("AUTH_EMAIL_SERVER is not a URL such as smtp://user:pass@host:587");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
    if (!scheme.equals("smtp") && !scheme.equals("smtps") || uri.getHost() == null) {
      throw new ConfigurationException("AUTH_EMAIL_SERVER must look like smtp://user:pass@host:587 or smtps://…:465");
    }
    InternetAddress sender;
    try {
      sender = new InternetAddress(from, true);
    } catch (MessagingException | NullPointerException e) {
      throw new ConfigurationException("AUTH_EMAIL_FROM is not an email address: '" + from + "'");
    }
    int port = uri.getPort() > 0 ? uri.getPort() : scheme.equals("smtps") ? 465 : 587;
    String userInfo = uri.getUserInfo();
    String user = null;
    String password = null;
    if (userInfo != null) {
      int colon = userInfo.indexOf(':');
      user = colon < 0 ? userInfo : userInfo.substring(0, colon);
      password = colon < 0 ? "" : userInfo.substring(colon + 1);
    }
    Properties props = new Properties();
    String p = "mail." + scheme + ".";
    props.put(p + "host", uri.getHost());
    props.put(p + "port", Integer.toString(port));
    props.put(p + "auth", Boolean.toString(user != null));
    props.put(p + "connectiontimeout", Long.toString(TIMEOUT.toMillis()));
    props.put(p + "timeout", Long.toString(TIMEOUT.toMillis()));
    props.put(p + "writetimeout", Long.toString(TIMEOUT.toMillis()));
    props.put(p + "ssl.checkserveridentity", "true");
    if (scheme.equals("smtp")) {
      props.put("mail.smtp.starttls.enable", "true");
      props.put("mail.smtp.starttls.required", Boolean.toString(startTlsRequired(uri)));
    }
    return new SmtpSender(Session.getInstance(props), scheme, user, password, sender);
  }

  private static boolean startTlsRequired(URI uri) {
    String query = uri.getQuery() == null ? "" : uri.getQuery();
    for (String param : query.split("&")) {
      if (param.startsWith("starttls=")) {
        String value = param.substring("starttls=".length());
        return switch (value) {
          case "required" -> true;
          case "optional" -> false;
          default -> throw new ConfigurationException("AUTH_EMAIL_SERVER: starttls must be required or optional, not '"
              + value + "'");
        };
      }
    }
    String host = uri.getHost().toLowerCase(java.util.Locale.ROOT);
    return !(host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]") || host.equals("::1"));
  }

  @Override
  public void send(VerificationRequest request) throws MessagingException {
    VerificationMessage content = VerificationMessage.of(request);
    MimeMessage message = new MimeMessage(session);
    message.setFrom(from);
    message.setRecipient(Message.RecipientType.TO, new InternetAddress(request.identifier(), true));
    message.setSubject(content.subject(), StandardCharsets.UTF_8.name());
    message.setSentDate(new Date());
    MimeBodyPart text = new MimeBodyPart();
    text.setText(content.text(), StandardCharsets.UTF_8.name());
    MimeBodyPart html = new MimeBodyPart();
    html.setContent(content.html(), "text/html; charset=UTF-8");
    message.setContent(new MimeMultipart("alternative", text, html));
    try (Transport transport = session.getTransport(protocol)) {
      transport.connect(user, password);
      transport.sendMessage(message, message.getAllRecipients());
    }
  }
}
