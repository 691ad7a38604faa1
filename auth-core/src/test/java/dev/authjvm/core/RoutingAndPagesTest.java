package dev.authjvm.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authjvm.core.config.Pages;
import dev.authjvm.core.config.ProtocolVersion;
import dev.authjvm.core.http.AuthRequest;
import dev.authjvm.core.http.AuthResponse;
import dev.authjvm.core.http.HttpHeaders;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Routing from the route table, and the built-in pages. */
class RoutingAndPagesTest {
  final TestBrowser browser = new TestBrowser(Auth.create(AuthFixtures.builder().build()), "http://localhost");

  @ParameterizedTest
  @CsvSource({"/api/auth/nope", "/api/auth/session/extra", "/api/auth/csrf/x", "/api/auth/a/b/c", "/api/auth/"})
  void anUnknownActionIsBadRequest(String path) {
    AuthResponse r = browser.get(path);
    assertEquals(400, r.status());
    assertEquals("\"Bad request.\"", r.bodyText());
  }

  @Test
  void aKnownActionWithAnotherMethodIs405WithAllow() {
    AuthResponse r = browser.auth.handle(AuthRequest.of("DELETE", "http://localhost/api/auth/session", null, null));
    assertEquals(405, r.status());
    assertEquals("GET, HEAD, POST", r.header("Allow").orElseThrow());
    assertEquals(405, browser.post("/api/auth/providers", Map.of()).status());
  }

  @Test
  void headAnswersLikeGetWithoutABody() {
    AuthResponse r = browser.auth.handle(AuthRequest.of("HEAD", "http://localhost/api/auth/providers", null, null));
    assertEquals(200, r.status());
    assertEquals(0, r.body().length);
    assertEquals("application/json", r.header("Content-Type").orElseThrow());
  }

  @Test
  void theSignInPageHasAFormPerProviderWithTheCsrfToken() {
    AuthResponse r = browser.get("/api/auth/signin");
    String html = r.bodyText();
    assertEquals(200, r.status());
    assertTrue(html.contains("<title>Sign In</title>"));
    assertTrue(html.contains("action=\"http://localhost/api/auth/callback/credentials\" method=\"POST\""));
    assertTrue(html.contains("name=\"csrfToken\" value=\"" + browser.csrfToken() + "\""));
    assertTrue(html.contains("name=\"password\" type=\"password\""));
    assertTrue(html.contains("Sign in with Credentials"));
  }

  @Test
  void theSignInPageShowsTheErrorBannerEscaped() {
    assertTrue(browser.get("/api/auth/signin?error=CredentialsSignin").bodyText()
        .contains("Sign in failed. Check the details you provided are correct."));
    String html = browser.get("/api/auth/signin?error=%3Cscript%3E&email=%22%3E%3Cb%3E").bodyText();
    assertFalse(html.contains("<script>"));
    assertTrue(html.contains("Unable to sign in."));
  }

  @Test
  void aCustomSignInPageIsARedirectWithTheCallbackUrl() {
    TestBrowser b = new TestBrowser(Auth.create(AuthFixtures.builder()
        .pages(new Pages("/login", null, null, null, null)).build()), "http://localhost");
    AuthResponse r = b.get("/api/auth/signin?callbackUrl=%2Fhome");
    assertEquals(302, r.status());
    assertEquals("http://localhost/login?callbackUrl=http%3A%2F%2Flocalhost%2Fhome", r.header("Location").orElseThrow());
  }

  @Test
  void theSignOutPageAsksForConfirmationWithTheCsrfToken() {
    String html = browser.get("/api/auth/signout").bodyText();
    assertTrue(html.contains("Are you sure you want to sign out?"));
    assertTrue(html.contains("action=\"http://localhost/api/auth/signout\" method=\"POST\""));
    assertTrue(html.contains("name=\"csrfToken\" value=\"" + browser.csrfToken() + "\""));
  }

  @ParameterizedTest
  @CsvSource({"Configuration,500,Server error", "AccessDenied,403,Access Denied", "Verification,403,Unable to sign in",
      "Whatever,200,Error"})
  void theErrorPageHasTheStatusAndHeadingOfTheCode(String code, int status, String heading) {
    AuthResponse r = browser.get("/api/auth/error?error=" + code);
    assertEquals(status, r.status());
    assertTrue(r.bodyText().contains("<h1>" + heading + "</h1>"), r.bodyText());
  }

  @Test
  void theVerifyRequestPageTellsToCheckTheEmail() {
    assertTrue(browser.get("/api/auth/verify-request").bodyText().contains("Check your email"));
  }

  @Test
  void logIsAcceptedInBothGenerationsWithAnEmptyBody() {
    TestBrowser v4 = new TestBrowser(Auth.create(AuthFixtures.builder().protocol(ProtocolVersion.V4).build()), "http://localhost");
    for (TestBrowser b : new TestBrowser[] {browser, v4}) {
      AuthResponse r = b.post("/api/auth/_log", Map.of("level", "error", "code", "CLIENT_FETCH_ERROR"));
      assertEquals(200, r.status());
      assertEquals(0, r.body().length);
    }
  }

  @Test
  void aCallbackThatThrowsIsAConfigurationErrorWithoutTheException() {
    Auth failing = Auth.create(AuthFixtures.builder().callbacks(dev.authjvm.core.callback.Callbacks.DEFAULTS
        .withJwt(p -> { throw new IllegalStateException("db password is hunter2"); })).build());
    TestBrowser b = new TestBrowser(failing, "http://localhost");
    AuthResponse r = b.signIn("demo", "demo");
    assertEquals("http://localhost/api/auth/error?error=Configuration", TestBrowser.json(r).get("url"));
    assertFalse(r.bodyText().contains("hunter2"));
  }

  @Test
  void requireSessionRedirectsPagesAndRefusesApiCalls() {
    AuthRequest page = AuthRequest.of("GET", "http://localhost/account?tab=1",
        HttpHeaders.builder().add("Accept", "text/html").build(), null);
    Auth.SessionAccess denied = browser.auth.requireSession(page);
    assertEquals("http://localhost/api/auth/signin?callbackUrl=%2Faccount%3Ftab%3D1",
        ((Auth.SessionAccess.Denied) denied).response().header("Location").orElseThrow());
    AuthRequest api = AuthRequest.of("GET", "http://localhost/api/data",
        HttpHeaders.builder().add("Accept", "application/json").build(), null);
    assertEquals(401, ((Auth.SessionAccess.Denied) browser.auth.requireSession(api)).response().status());
  }
}
