package dev.authjvm.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authjvm.conformance.http.KitResponse;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Checks of the pages and of sign-out. */
public abstract class PageChecks extends EndpointChecks {

  @Nested
  @DisplayName("§2.5 §10.1 GET /signin (page)")
  public class SignInPage extends Section {
    @Test
    void isAnHtmlDocumentTitledSignIn() {
      KitResponse r = browser.get("signin").send();
      assertEquals(200, r.status());
      assertHtml(r);
      assertTrue(r.body().contains("<title>Sign In</title>"));
    }

    @Test
    void hasACredentialsFormPostingToTheCallbackUrl() {
      assertTrue(browser.get("signin").send().body()
          .contains("action=\"" + browser.url("callback/credentials") + "\" method=\"POST\""));
    }

    @Test
    void carriesTheCsrfTokenOfTheCookie() {
      String token = browser.csrfToken();
      assertTrue(browser.get("signin").send().body().contains("name=\"csrfToken\" value=\"" + token + "\""));
    }

    @Test
    void hasOneInputPerCredentialField() {
      String html = browser.get("signin").send().body();
      assertTrue(html.matches("(?s).*<input[^>]*name=\"username\"[^>]*type=\"text\".*"), "a text input named username");
      assertTrue(html.matches("(?s).*<input[^>]*name=\"password\"[^>]*type=\"password\".*"), "a password input named password");
    }

    @Test
    void showsTheMessageOfAnErrorCode() {
      assertTrue(browser.get("signin?error=CredentialsSignin").send().body()
          .contains("Sign in failed. Check the details you provided are correct."));
    }

    @Test
    void escapesWhatTheQueryCarries() {
      String html = browser.get("signin?error=%3Cscript%3Ealert(1)%3C%2Fscript%3E&callbackUrl=%22%3E%3Cscript%3E").send().body();
      assertFalse(html.contains("<script>"), "unescaped query value in the page");
    }
  }

  @Nested
  @DisplayName("§2.8 GET /signout (page)")
  public class SignOutPage extends Section {
    @Test
    void asksForConfirmationWithAFormThatPostsTheCsrfToken() {
      String token = browser.csrfToken();
      KitResponse r = browser.get("signout").send();
      assertHtml(r);
      assertTrue(r.body().contains("Are you sure you want to sign out?"));
      assertTrue(r.body().contains("action=\"" + browser.url("signout") + "\" method=\"POST\""));
      assertTrue(r.body().contains("name=\"csrfToken\" value=\"" + token + "\""));
    }
  }

  @Nested
  @DisplayName("§2.9 POST /signout")
  public class SignOut extends Section {
    private KitResponse signOut(Map<String, String> form) {
      return browser.post("signout").header("X-Auth-Return-Redirect", "1").form(form).send();
    }

    @Test
    void endsTheSession() {
      browser.signIn("demo", "demo");
      signOut(Map.of("csrfToken", browser.csrfToken()));
      assertEquals("null", browser.get("session").send().body());
    }

    @Test
    void clearsTheSessionCookie() {
      browser.signIn("demo", "demo");
      KitResponse r = signOut(Map.of("csrfToken", browser.csrfToken()));
      assertTrue(r.setCookies().stream().anyMatch(c -> c.name().contains("session-token") && c.isDeletion()));
    }

    @Test
    void answersTheCallbackUrlInJsonMode() {
      browser.signIn("demo", "demo");
      KitResponse r = signOut(Map.of("csrfToken", browser.csrfToken(), "callbackUrl", "/goodbye"));
      assertEquals(200, r.status());
      assertEquals(browser.origin() + "/goodbye", r.url());
    }

    @Test
    void redirectsWith302WithoutJsonMode() {
      browser.signIn("demo", "demo");
      KitResponse r = browser.post("signout").form(Map.of("csrfToken", browser.csrfToken(), "callbackUrl", "/bye")).send();
      assertEquals(302, r.status());
      assertEquals(browser.origin() + "/bye", r.header("Location").orElse(null));
    }

    @Test
    void withoutASessionStillRedirects() {
      KitResponse r = signOut(Map.of("csrfToken", browser.csrfToken(), "callbackUrl", "/x"));
      assertEquals(browser.origin() + "/x", r.url());
    }
  }

  @Nested
  @DisplayName("§2.10 §10.3 GET /error, §2.11 GET /verify-request")
  public class ErrorPages extends Section {
    @Test
    void configurationIs500ServerError() {
      KitResponse r = browser.get("error?error=Configuration").send();
      assertEquals(500, r.status());
      assertHtml(r);
      assertTrue(r.body().contains("Server error"));
    }

    @Test
    @Deviation("Auth.js 0.41.3 appends /signin to the error page's own URL (…/error?error=AccessDenied/signin), a broken link")
    void accessDeniedIs403WithASignInLink() {
      KitResponse r = browser.get("error?error=AccessDenied").send();
      assertEquals(403, r.status());
      assertTrue(r.body().contains("Access Denied") && r.body().contains(browser.url("signin")));
    }

    @Test
    void verificationIs403() {
      KitResponse r = browser.get("error?error=Verification").send();
      assertEquals(403, r.status());
      assertTrue(r.body().contains("The sign in link is no longer valid."));
    }

    @Test
    void anyOtherCodeIs200Error() {
      KitResponse r = browser.get("error?error=SomethingElse").send();
      assertEquals(200, r.status());
      assertTrue(r.body().contains("<title>Error</title>"));
    }

    @Test
    void noCodeIs200Error() {
      assertEquals(200, browser.get("error").send().status());
    }

    @Test
    void verifyRequestAsksToCheckTheEmail() {
      KitResponse r = browser.get("verify-request").send();
      assertEquals(200, r.status());
      assertHtml(r);
      assertTrue(r.body().contains("Check your email"));
    }
  }
}
