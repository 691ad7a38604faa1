package dev.authjvm.demo;

import static dev.authjvm.core.text.Html.escape;

import dev.authjvm.core.session.Session;
import java.util.Optional;

/** The demo's two pages, server-rendered. */
final class DemoPages {
  private static final String STYLE = "<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:3rem auto;"
      + "padding:0 1rem;color:#1f2937}a.button{display:inline-block;padding:.5rem 1rem;background:#346df1;color:#fff;"
      + "border-radius:.4rem;text-decoration:none;margin-right:.5rem}pre{background:#f3f4f6;padding:1rem;border-radius:.4rem}</style>";

  private DemoPages() {}

  static String home(Optional<Session> session, String basePath) {
    String body = session.map(s -> "<p>Signed in as <strong>" + escape(s.user().name()) + "</strong> ("
            + escape(s.user().email()) + ").</p><p><a class=\"button\" href=\"/protected\">Protected page</a>"
            + "<a class=\"button\" href=\"" + escape(basePath) + "/signout\">Sign out</a></p>")
        .orElse("<p>You are not signed in.</p><p><a class=\"button\" href=\"" + escape(basePath)
            + "/signin\">Sign in</a><a class=\"button\" href=\"/protected\">Protected page</a></p>");
    return page("authjvm demo", "<h1>authjvm demo</h1>" + body
        + "<p>The API: <a href=\"" + escape(basePath) + "/session\">" + escape(basePath) + "/session</a>, "
        + "<a href=\"" + escape(basePath) + "/providers\">" + escape(basePath) + "/providers</a>.</p>");
  }

  static String secret(Session session) {
    return page("Protected", "<h1>Protected page</h1><p>Only signed-in users see this. Hello, "
        + escape(session.user().name()) + ".</p><p><a href=\"/\">Home</a></p>");
  }

  private static String page(String title, String content) {
    return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(title) + "</title>"
        + STYLE + "</head><body>" + content + "</body></html>";
  }
}
