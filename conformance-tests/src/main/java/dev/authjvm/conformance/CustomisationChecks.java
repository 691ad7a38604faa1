package dev.authjvm.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authjvm.conformance.http.KitResponse;
import dev.authjvm.core.callback.AuthEvents;
import dev.authjvm.core.callback.SameOriginRedirect;
import dev.authjvm.core.callback.SignInDecision;
import dev.authjvm.core.config.AuthConfigBuilder;
import dev.authjvm.core.config.Pages;
import dev.authjvm.conformance.http.Urls;
import dev.authjvm.core.jwt.JwtClaims;
import dev.authjvm.core.ratelimit.FixedWindowRateLimiter;
import dev.authjvm.core.session.Session;
import dev.authjvm.core.store.StoredSession;
import dev.authjvm.core.user.Account;
import dev.authjvm.core.user.User;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * What an application configures, seen through the adapter: its own pages, a limit on sign-in
 * attempts, and its callbacks and events. These need their own configuration, so black-box runs skip them.
 */
public abstract class CustomisationChecks extends OAuthChecks {

  @Nested
  @DisplayName("§2.5 §2.8 §2.10 §2.11 custom pages")
  public class CustomPages extends Section {
    @Override
    protected boolean needsOwnConfiguration() {
      return true;
    }

    @Override
    protected AuthConfigBuilder configuration() {
      return KitConfigs.builder().pages(new Pages("/login", "/bye", "/oops", "/check-mail", null));
    }

    private String location(KitResponse r) {
      assertEquals(302, r.status(), r.body());
      return r.header("Location").orElseThrow();
    }

    @Test
    void theSignInPageIsYoursWithTheCallbackUrl() {
      String location = location(browser.get("signin?callbackUrl=%2Fafter").send());
      assertTrue(location.startsWith(browser.origin() + "/login?"), location);
      assertEquals(Map.of("callbackUrl", browser.origin() + "/after"),
          Urls.query(location));
    }

    @Test
    void aWrongPasswordLandsOnYourSignInPageWithTheError() {
      assertEquals(browser.origin() + "/login?error=CredentialsSignin&code=credentials", browser.signIn("demo", "x").url());
    }

    @Test
    void theSignOutPageIsYours() {
      assertEquals(browser.origin() + "/bye", location(browser.get("signout").send()));
    }

    @Test
    void theErrorPageIsYoursWithTheCode() {
      assertEquals(browser.origin() + "/oops?error=AccessDenied", location(browser.get("error?error=AccessDenied").send()));
    }

    @Test
    void aServerSideFailureLandsOnYourErrorPage() {
      KitResponse r = browser.post("callback/nope").header("X-Auth-Return-Redirect", "1")
          .form(SecurityChecks.credentials(browser.csrfToken(), "demo", "demo")).send();
      assertEquals(browser.origin() + "/oops?error=Configuration", r.url());
    }

    @Test
    void theVerifyRequestPageIsYoursWithTheQuery() {
      assertEquals(browser.origin() + "/check-mail?provider=email&type=email",
          location(browser.get("verify-request?provider=email&type=email").send()));
    }
  }

  @Nested
  @DisplayName("§7.3 §7.2 sign-in attempts limited per identifier (AUTH_RATE_LIMIT)")
  public class RateLimits extends Section {
    private static final String LIMITED = "?error=CredentialsSignin&code=rate_limited";

    @Override
    protected boolean needsOwnConfiguration() {
      return true;
    }

    @Override
    protected AuthConfigBuilder configuration() {
      // Three attempts per identifier in a window longer than the section runs; each check uses its own.
      return EmailChecks.withKitMail()
          .credentialsRateLimiter(new FixedWindowRateLimiter(3, Duration.ofHours(1), Clock.systemUTC()))
          .emailRateLimiter(new FixedWindowRateLimiter(3, Duration.ofHours(1), Clock.systemUTC()));
    }

    private void failThreeTimes(String username) {
      for (int i = 0; i < 3; i++) {
        assertEquals(browser.url("signin") + "?error=CredentialsSignin&code=credentials",
            browser.signIn(username, "guess-" + i).url(), "attempt " + (i + 1) + " is counted, not refused");
      }
    }

    @Test
    @Deviation("Auth.js has no limit on sign-in attempts")
    void theAttemptOverTheLimitIs429WithRateLimitedAndRetryAfter() {
      String username = "guesser-" + UUID.randomUUID();
      failThreeTimes(username);
      KitResponse r = browser.signIn(username, "guess-3");
      assertEquals(429, r.status());
      assertEquals(browser.url("signin") + LIMITED, r.url());
      long retryAfter = Long.parseLong(r.header("Retry-After").orElseThrow(() -> new AssertionError("no Retry-After")));
      assertTrue(retryAfter > 0 && retryAfter <= 3600, "Retry-After: " + retryAfter);
    }

    @Test
    @Deviation("Auth.js has no limit on sign-in attempts")
    void withoutJsonModeTheBrowserLandsOnTheSignInPageWithTheCode() {
      String username = "guesser-" + UUID.randomUUID();
      failThreeTimes(username);
      KitResponse r = browser.post("callback/credentials")
          .form(SecurityChecks.credentials(browser.csrfToken(), username, "guess-3")).send();
      assertEquals(302, r.status());
      assertEquals(browser.url("signin") + LIMITED, r.header("Location").orElse(null));
      assertTrue(r.header("Retry-After").isPresent(), "Retry-After");
    }

    @Test
    @Deviation("Auth.js has no limit on sign-in attempts")
    void overTheLimitEvenTheRightPasswordSignsNobodyIn() {
      failThreeTimes("big");
      KitResponse r = browser.signIn("big", "demo");
      assertEquals(browser.url("signin") + LIMITED, r.url());
      assertFalse(SecurityChecks.hasSession(r));
    }

    @Test
    @Deviation("Auth.js has no limit on sign-in attempts")
    void theLimitIsPerUsernameSoOthersStillSignIn() {
      failThreeTimes("victim-" + UUID.randomUUID());
      KitResponse r = browser.signIn("demo", "demo");
      assertEquals(browser.origin(), r.url());
      assertTrue(SecurityChecks.hasSession(r));
    }

    @Test
    @Deviation("Auth.js has no limit on email links")
    void emailLinksAreLimitedPerAddressAndNoMoreMailIsSent() throws Exception {
      String email = EmailChecks.newAddress();
      for (int i = 0; i < 3; i++) {
        assertTrue(EmailChecks.requestLink(browser, email).header("Location").orElseThrow().contains("/verify-request"));
      }
      KitMail.messageTo(email);
      KitResponse r = EmailChecks.requestLink(browser, email);
      assertEquals(browser.url("signin") + "?error=EmailSignin&code=rate_limited", r.header("Location").orElse(null));
      assertEquals(3, KitMail.messagesTo(email));
    }
  }

  @Nested
  @DisplayName("§8.2 §9 the application's callbacks and events")
  public class CallbacksAndEvents extends Section {
    private static final String PARTNER = "https://partner.example/";
    private final List<String> events = new CopyOnWriteArrayList<>();

    @Override
    protected boolean needsOwnConfiguration() {
      return true;
    }

    @Override
    protected AuthConfigBuilder configuration() {
      return KitConfigs.builder().events(new Recorder()).callbacks(KitConfigs.callbacks()
          .withSignIn(attempt -> "2".equals(attempt.user().id()) ? SignInDecision.DENY : SignInDecision.ALLOW)
          .withRedirect((url, baseUrl) -> url.startsWith(PARTNER) ? url : SameOriginRedirect.INSTANCE.redirect(url, baseUrl))
          .withSession(p -> p.session().with("role", "kit-admin")));
    }

    /** Notes each event; the session event then fails, which must change nothing. */
    private final class Recorder implements AuthEvents {
      @Override
      public void signIn(User user, Account account, boolean isNewUser) {
        events.add("signIn " + user.id());
      }

      @Override
      public void signOut(JwtClaims token, StoredSession session) {
        events.add("signOut");
      }

      @Override
      public void session(Session session, JwtClaims token) {
        events.add("session " + session.user().name());
        throw new IllegalStateException("kit: an event that fails");
      }
    }

    @BeforeEach
    void forgetEvents() {
      events.clear();
    }

    private KitResponse signInTo(String callbackUrl) {
      Map<String, String> form = SecurityChecks.credentials(browser.csrfToken(), "demo", "demo");
      form.put("callbackUrl", callbackUrl);
      return browser.post("callback/credentials").header("X-Auth-Return-Redirect", "1").form(form).send();
    }

    @Test
    void theSessionCallbackShapesTheSessionAnswer() {
      browser.signIn("demo", "demo");
      KitResponse r = browser.get("session").send();
      assertEquals("kit-admin", r.json().path("role").asText(), r.body());
      assertEquals("Demo User", r.json().path("user").path("name").asText());
    }

    @Test
    void theRedirectCallbackLetsTheApplicationAllowAnotherSite() {
      assertEquals(PARTNER + "welcome", signInTo(PARTNER + "welcome").url());
    }

    @Test
    void theRedirectCallbackStillRefusesWhatItDoesNotAllow() {
      assertEquals(browser.origin(), signInTo("https://evil.example/").url());
    }

    @Test
    void theSignInCallbackCanRefuseAUserTheProviderAccepted() {
      KitResponse r = browser.signIn("big", "demo");
      assertEquals(browser.url("error") + "?error=AccessDenied", r.url());
      assertFalse(SecurityChecks.hasSession(r));
    }

    @Test
    void eventsSeeTheSignInTheSessionReadAndTheSignOut() {
      browser.signIn("demo", "demo");
      browser.get("session").send();
      browser.post("signout").header("X-Auth-Return-Redirect", "1").form(Map.of("csrfToken", browser.csrfToken())).send();
      assertEquals(List.of("signIn 1", "session Demo User", "signOut"), events);
    }

    @Test
    void anEventThatFailsChangesNothing() {
      browser.signIn("demo", "demo");
      KitResponse r = browser.get("session").send();
      assertEquals(List.of("signIn 1", "session Demo User"), events, "the session event ran, and failed");
      assertEquals(200, r.status());
      assertEquals("Demo User", r.json().path("user").path("name").asText());
    }
  }
}
