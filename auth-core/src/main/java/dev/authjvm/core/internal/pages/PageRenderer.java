package dev.authjvm.core.internal.pages;

import static dev.authjvm.core.text.Html.escape;

import dev.authjvm.core.config.AuthConfig;
import dev.authjvm.core.config.ProtocolVersion;
import dev.authjvm.core.config.SecurityHeaders;
import dev.authjvm.core.config.Theme;
import dev.authjvm.core.error.ErrorType;
import dev.authjvm.core.http.AuthResponse;
import dev.authjvm.core.provider.CredentialField;
import dev.authjvm.core.provider.CredentialsProvider;
import dev.authjvm.core.provider.EmailLinkProvider;
import dev.authjvm.core.provider.Provider;
import dev.authjvm.core.provider.RedirectFlowProvider;
import dev.authjvm.core.provider.WebAuthnProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The built-in pages: sign-in, sign-out, error and verify-request. Plain server-rendered HTML with
 * inline CSS; every dynamic value is escaped. The one script is a passkey provider's, on the sign-in page,
 * loaded from this server, and the page's Content-Security-Policy allows exactly that script.
 */
public final class PageRenderer {
  private static final String CSS = loadCss();
  private static final Pattern SAFE_COLOR = Pattern.compile("#[0-9a-fA-F]{3,8}|[a-zA-Z]{3,20}|rgba?\\([0-9., %]+\\)");
  private static final Map<String, String> SIGNIN_ERRORS = Map.ofEntries(
      Map.entry("OAuthSignin", "Try signing in with a different account."),
      Map.entry("OAuthCallback", "Try signing in with a different account."),
      Map.entry("OAuthCallbackError", "Try signing in with a different account."),
      Map.entry("OAuthCreateAccount", "Try signing in with a different account."),
      Map.entry("EmailCreateAccount", "Try signing in with a different account."),
      Map.entry("Callback", "Try signing in with a different account."),
      Map.entry("Signin", "Try signing in with a different account."),
      Map.entry("OAuthAccountNotLinked",
          "To confirm your identity, sign in with the same account you used originally."),
      Map.entry("EmailSignin", "The e-mail could not be sent."),
      Map.entry("CredentialsSignin", "Sign in failed. Check the details you provided are correct."),
      Map.entry("SessionRequired", "Please sign in to access this page."));

  private final Theme theme;
  private final boolean exactErrorCodes;
  private final SecurityHeaders securityHeaders;
  private final PasskeyScripts passkeyScripts;

  public PageRenderer(AuthConfig config) {
    this.theme = config.theme();
    this.exactErrorCodes = config.protocol() == ProtocolVersion.V5;
    this.securityHeaders = config.securityHeaders();
    this.passkeyScripts = PasskeyScripts.of(config.providers());
  }

  /** The sign-in page script of a WebAuthn provider, if it has one. */
  public Optional<byte[]> passkeyScript(String providerId) {
    return passkeyScripts.of(providerId).map(PasskeyScripts.Script::body);
  }

  public AuthResponse signIn(SignInPageModel m) {
    StringBuilder body = new StringBuilder();
    if (m.error() != null) {
      body.append("<div class=\"error\" role=\"alert\">").append(escape(SIGNIN_ERRORS.getOrDefault(m.error(),
          "Unable to sign in."))).append("</div>");
    }
    boolean first = true;
    for (Provider p : m.providers()) {
      String form = providerForm(p, m);
      if (form.isEmpty()) {
        continue;
      }
      if (!first) {
        body.append("<div class=\"divider\">or</div>");
      }
      body.append("<div class=\"provider\">").append(form).append("</div>");
      first = false;
    }
    if (first) {
      body.append("<p>No sign-in method is configured.</p>");
    }
    List<String> scripts = new ArrayList<>();
    StringBuilder head = new StringBuilder();
    for (Provider p : m.providers()) {
      passkeyScripts.of(p.id()).ifPresent(script -> {
        String url = m.baseUrl() + "/webauthn-script/" + p.id();
        scripts.add(url);
        head.append("<script src=\"").append(escape(url + "?v=" + script.version())).append("\" defer></script>");
      });
    }
    AuthResponse page = AuthResponse.html(200, document("Sign In", head.toString(), "<h1>Sign in</h1>" + body));
    return scripts.isEmpty() ? page
        : page.withHeader("Content-Security-Policy", securityHeaders.contentSecurityPolicyWithScripts(scripts));
  }

  private String providerForm(Provider p, SignInPageModel m) {
    String csrf = hidden("csrfToken", m.csrfToken());
    String button = "<button type=\"submit\">Sign in with " + escape(p.name()) + "</button>";
    String callback = m.callbackUrl() == null ? "" : hidden("callbackUrl", m.callbackUrl());
    String signIn = "<form action=\"" + escape(m.baseUrl() + "/signin/" + p.id()) + "\" method=\"POST\">" + csrf + callback;
    return p.match(new Provider.Cases<>() {
      @Override
      public String credentials(CredentialsProvider c) {
        return credentialsForm(c, m, csrf, button);
      }

      @Override
      public String redirectFlow(RedirectFlowProvider r) {
        return signIn + button + "</form>";
      }

      @Override
      public String emailLink(EmailLinkProvider e) {
        return signIn + "<label for=\"input-email-for-" + escape(p.id()) + "-provider\">Email</label>"
            + "<input id=\"input-email-for-" + escape(p.id()) + "-provider\" type=\"email\" name=\"email\""
            + " autocomplete=\"email\" placeholder=\"email@example.com\" required value=\"" + escape(m.email()) + "\">"
            + button + "</form>";
      }

      @Override
      public String webAuthn(WebAuthnProvider w) {
        return passkeyScripts.of(p.id()).isEmpty() ? "" : passkeyForm(w, m, csrf);
      }
    });
  }

  /**
   * Auth.js's passkey form: its script fetches the options, runs the ceremony and posts the answer here; the
   * address input offers the browser's passkey autofill ({@code autocomplete="username webauthn"}).
   */
  private static String passkeyForm(WebAuthnProvider p, SignInPageModel m, String csrf) {
    String input = "input-email-for-" + p.id() + "-provider";
    return "<form id=\"" + escape(p.id()) + "-form\" action=\"" + escape(m.baseUrl() + "/callback/" + p.id())
        + "\" method=\"POST\" data-options-url=\"" + escape(m.baseUrl() + "/webauthn-options/" + p.id()) + "\">" + csrf
        + "<label for=\"" + escape(input) + "\">Email</label><input id=\"" + escape(input) + "\" name=\"email\""
        + " type=\"email\" data-form-field autocomplete=\"username webauthn\" placeholder=\"email@example.com\" required"
        + " value=\"" + escape(m.email()) + "\"><button id=\"submitButton-" + escape(p.id()) + "\" type=\"submit\">"
        + "Sign in with " + escape(p.name()) + "</button></form>";
  }

  /** Posts to the provider's callback URL; the callback-url cookie carries where to go next. */
  private static String credentialsForm(CredentialsProvider p, SignInPageModel m, String csrf, String button) {
    if (p.fields().isEmpty()) {
      return "";
    }
    StringBuilder form = new StringBuilder("<form action=\"").append(escape(m.baseUrl() + "/callback/" + p.id()))
        .append("\" method=\"POST\">").append(csrf);
    for (CredentialField f : p.fields()) {
      String id = "input-" + f.name() + "-for-" + p.id() + "-provider";
      String type = f.type() == null || f.type().isBlank() ? "text" : f.type();
      form.append("<label for=\"").append(escape(id)).append("\">").append(escape(f.label() == null ? f.name() : f.label()))
          .append("</label><input id=\"").append(escape(id)).append("\" name=\"").append(escape(f.name()))
          .append("\" type=\"").append(escape(type)).append("\" placeholder=\"").append(escape(f.placeholder()))
          .append("\"").append(type.equals("password") ? " autocomplete=\"current-password\"" : "").append(">");
    }
    // The checkbox comes first: a form's first value wins, so the hidden "false" counts only when it is unticked.
    String rememberId = "input-rememberMe-for-" + p.id() + "-provider";
    form.append("<label class=\"remember-me\" for=\"").append(escape(rememberId)).append("\"><input id=\"")
        .append(escape(rememberId)).append("\" type=\"checkbox\" name=\"rememberMe\" value=\"true\" checked>")
        .append("Remember me</label>").append(hidden("rememberMe", "false"));
    return form.append(button).append("</form>").toString();
  }

  public AuthResponse signOut(String baseUrl, String csrfToken, String callbackUrl) {
    String body = "<h1>Sign out</h1><p>Are you sure you want to sign out?</p>"
        + "<form action=\"" + escape(baseUrl + "/signout") + "\" method=\"POST\">" + hidden("csrfToken", csrfToken)
        + hidden("callbackUrl", callbackUrl) + "<button id=\"submitButton\" type=\"submit\">Sign out</button></form>";
    return AuthResponse.html(200, document("Sign Out", body));
  }

  /** The error page: Configuration is 500, AccessDenied and Verification 403, anything else 200. */
  public AuthResponse error(String code, String baseUrl, String origin) {
    ErrorType type = ErrorType.fromCode(code, !exactErrorCodes);
    String signInLink = "<a class=\"button-link\" href=\"" + escape(baseUrl + "/signin") + "\">Sign in</a>";
    if (type == ErrorType.CONFIGURATION) {
      return AuthResponse.html(500, document("Error", "<h1>Server error</h1><p>There is a problem with the server "
          + "configuration.</p><p>Check the server logs for more information.</p>"));
    }
    if (type == ErrorType.ACCESS_DENIED) {
      return AuthResponse.html(403, document("Error", "<h1>Access Denied</h1><p>You do not have permission to sign in.</p>"
          + signInLink));
    }
    if (type == ErrorType.VERIFICATION) {
      return AuthResponse.html(403, document("Error", "<h1>Unable to sign in</h1><p>The sign in link is no longer valid."
          + "</p><p>It may have been used already or it may have expired.</p>" + signInLink));
    }
    String host = origin.replaceFirst("^https?://", "");
    return AuthResponse.html(200, document("Error", "<h1>Error</h1><p>Something went wrong while signing in.</p>"
        + "<a class=\"button-link\" href=\"" + escape(origin) + "\">" + escape(host) + "</a>"));
  }

  /** A page with one button that POSTs {@code fields} to {@code actionUrl} (e.g. to use an emailed link). */
  public AuthResponse confirm(String title, String message, String buttonLabel, String actionUrl,
                              java.util.Map<String, String> fields) {
    StringBuilder form = new StringBuilder("<h1>").append(escape(title)).append("</h1><p>").append(escape(message))
        .append("</p><form action=\"").append(escape(actionUrl)).append("\" method=\"POST\">");
    fields.forEach((name, value) -> form.append(hidden(name, value)));
    form.append("<button id=\"submitButton\" type=\"submit\">").append(escape(buttonLabel)).append("</button></form>");
    return AuthResponse.html(200, document(title, form.toString()));
  }

  public AuthResponse verifyRequest(String origin) {
    String host = origin.replaceFirst("^https?://", "");
    return AuthResponse.html(200, document("Verify Request", "<h1>Check your email</h1>"
        + "<p>A sign in link has been sent to your email address.</p>"
        + "<a class=\"button-link\" href=\"" + escape(origin) + "\">" + escape(host) + "</a>"));
  }

  private String document(String title, String content) {
    return document(title, "", content);
  }

  private String document(String title, String head, String content) {
    String scheme = theme.colorScheme() == null ? "auto" : theme.colorScheme().toLowerCase(Locale.ROOT);
    String brand = theme.brandColor() != null && SAFE_COLOR.matcher(theme.brandColor()).matches()
        ? "<style>:root{--brand:" + theme.brandColor() + "}</style>" : "";
    String logo = theme.logo() == null ? "" : "<img class=\"logo\" src=\"" + escape(theme.logo()) + "\" alt=\"\">";
    return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + escape(title)
        + "</title><style>" + CSS + "</style>" + brand + head + "</head><body class=\"__next-auth-theme-" + escape(scheme)
        + "\"><div class=\"page\">" + logo + "<div class=\"card\">" + content + "</div></div></body></html>";
  }

  private static String hidden(String name, String value) {
    return "<input type=\"hidden\" name=\"" + escape(name) + "\" value=\"" + escape(value) + "\">";
  }

  private static String loadCss() {
    try (InputStream in = PageRenderer.class.getResourceAsStream("pages.css")) {
      if (in == null) {
        throw new IllegalStateException("pages.css is missing from the auth-core jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
