package dev.authjvm.providers.email;

import dev.authjvm.core.provider.VerificationRequest;
import dev.authjvm.core.text.Html;

/** The built-in email: subject, plain text and HTML (every inserted value escaped). */
public record VerificationMessage(String subject, String text, String html) {

  public static VerificationMessage of(VerificationRequest request) {
    String host = request.host();
    String subject = "Sign in to " + host;
    String text = "Sign in to " + host + "\n" + request.url() + "\n\n"
        + "If you did not request this email you can safely ignore it.\n";
    String html = "<!DOCTYPE html><html><body style=\"background:#f9f9f9;margin:0;padding:24px 0;"
        + "font-family:Helvetica,Arial,sans-serif\">"
        + "<table role=\"presentation\" width=\"100%\" style=\"max-width:600px;margin:auto;background:#fff;"
        + "border-radius:10px;padding:20px\"><tr><td align=\"center\" style=\"font-size:22px;color:#444;padding:10px 0\">"
        + "Sign in to <strong>" + Html.escape(host) + "</strong></td></tr>"
        + "<tr><td align=\"center\" style=\"padding:20px 0\"><a href=\"" + Html.escape(request.url()) + "\" target=\"_blank\" "
        + "style=\"display:inline-block;background:#346df1;color:#fff;text-decoration:none;border-radius:5px;"
        + "padding:10px 20px;font-size:18px;font-weight:bold\">Sign in</a></td></tr>"
        + "<tr><td align=\"center\" style=\"font-size:16px;color:#444;padding:0 0 10px\">"
        + "If you did not request this email you can safely ignore it.</td></tr></table></body></html>";
    return new VerificationMessage(subject, text, html);
  }
}
