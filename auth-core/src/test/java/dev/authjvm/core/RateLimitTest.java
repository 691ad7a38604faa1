package dev.authjvm.core;

import static dev.authjvm.core.TestBrowser.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authjvm.core.config.ProtocolVersion;
import dev.authjvm.core.config.SessionStrategy;
import dev.authjvm.core.error.ConfigurationException;
import dev.authjvm.core.http.AuthResponse;
import dev.authjvm.core.provider.EmailLinkProvider;
import dev.authjvm.core.provider.VerificationRequest;
import dev.authjvm.core.ratelimit.FixedWindowRateLimiter;
import dev.authjvm.core.ratelimit.RateLimiter;
import dev.authjvm.core.spi.Environment;
import dev.authjvm.core.store.InMemoryAuthStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Limits on sign-in attempts per identifier: password guessing (opt-in), and email spam (on by default). */
class RateLimitTest {
  static final String ORIGIN = "http://localhost";
  final MutableClock clock = new MutableClock();
  final AtomicInteger emailsSent = new AtomicInteger();
  // Email sign-in keeps its tokens in a store; sessions stay JWT for the credentials checks.
  final Auth auth = Auth.create(AuthFixtures.builder().clock(clock).provider(new CountingEmailProvider(emailsSent))
      .store(new InMemoryAuthStore(clock)).sessionStrategy(SessionStrategy.JWT)
      .credentialsRateLimiter(new FixedWindowRateLimiter(3, Duration.ofMinutes(1), clock))
      .emailRateLimiter(new FixedWindowRateLimiter(3, Duration.ofMinutes(1), clock)).build());
  final TestBrowser attacker = new TestBrowser(auth, ORIGIN);

  @Test
  void theAttemptOverTheLimitIs429WithRateLimitedAndRetryAfter() {
    for (int i = 0; i < 3; i++) {
      assertEquals(200, attacker.signIn("demo", "guess" + i).status());
    }
    AuthResponse r = attacker.signIn("demo", "guess3");
    assertEquals(429, r.status());
    assertEquals(ORIGIN + "/api/auth/signin?error=CredentialsSignin&code=rate_limited", json(r).get("url"));
    assertEquals("60", r.header("Retry-After").orElseThrow());
  }

  @Test
  void overTheLimitEvenTheRightPasswordDoesNotSignIn() {
    for (int i = 0; i < 3; i++) {
      attacker.signIn("demo", "guess" + i);
    }
    attacker.signIn("demo", "demo");
    assertFalse(attacker.cookies.containsKey("authjs.session-token"));
  }

  @Test
  void theLimitIsPerUsernameSoOtherUsersCanStillSignIn() {
    for (int i = 0; i < 4; i++) {
      attacker.signIn("victim", "guess" + i);
    }
    TestBrowser user = new TestBrowser(auth, ORIGIN);
    assertEquals(200, user.signIn("demo", "demo").status());
    assertTrue(user.cookies.containsKey("authjs.session-token"));
  }

  @Test
  void theUsernameIsComparedWithoutCaseOrSurroundingSpaces() {
    attacker.signIn("demo", "a");
    attacker.signIn("DEMO", "b");
    attacker.signIn(" demo ", "c");
    assertEquals(429, attacker.signIn("Demo", "d").status());
  }

  @Test
  void theNextWindowAllowsAttemptsAgain() {
    for (int i = 0; i < 4; i++) {
      attacker.signIn("demo", "guess" + i);
    }
    clock.advance(Duration.ofSeconds(61));
    assertEquals(200, attacker.signIn("demo", "demo").status());
    assertTrue(attacker.cookies.containsKey("authjs.session-token"));
  }

  @Test
  void withoutJsonModeTheBrowserIsRedirectedToTheSignInPageWithTheCode() {
    for (int i = 0; i < 3; i++) {
      attacker.signIn("demo", "guess" + i);
    }
    AuthResponse r = attacker.post("/api/auth/callback/credentials",
        Map.of("csrfToken", attacker.csrfToken(), "username", "demo", "password", "x"));
    assertEquals(302, r.status());
    assertEquals(ORIGIN + "/api/auth/signin?error=CredentialsSignin&code=rate_limited", r.header("Location").orElseThrow());
    assertTrue(r.header("Retry-After").isPresent());
  }

  @Test
  void emailLinksAreLimitedPerAddressAndNoMoreMailIsSent() {
    for (int i = 0; i < 3; i++) {
      assertEquals(200, requestLink("Someone@Example.com").status());
    }
    AuthResponse r = requestLink("someone@example.com");
    assertEquals(429, r.status());
    assertEquals(ORIGIN + "/api/auth/signin?error=EmailSignin&code=rate_limited", json(r).get("url"));
    assertEquals(3, emailsSent.get());
  }

  @Test
  void successfulSignInsDoNotCountAgainstTheLimit() {
    for (int i = 0; i < 10; i++) {
      TestBrowser user = new TestBrowser(auth, ORIGIN);
      user.signIn("demo", "demo");
      assertTrue(user.cookies.containsKey("authjs.session-token"), "sign-in " + i);
    }
    for (int i = 0; i < 3; i++) {
      attacker.signIn("demo", "guess" + i);
    }
    assertEquals(429, attacker.signIn("demo", "guess4").status());
  }

  @Test
  void theLimiterSeesAFixedLengthHashNotTheSubmittedIdentifier() {
    List<String> keys = new java.util.ArrayList<>();
    RateLimiter recording = key -> {
      keys.add(key);
      return java.util.Optional.empty();
    };
    TestBrowser browser = new TestBrowser(Auth.create(AuthFixtures.builder().credentialsRateLimiter(recording).build()), ORIGIN);
    browser.signIn("x".repeat(60_000), "guess");
    browser.signIn("someone", "guess");
    assertEquals(2, keys.size());
    assertTrue(keys.stream().allMatch(k -> k.length() == "credentials:credentials:".length() + 43), keys.toString());
    assertFalse(keys.get(1).contains("someone"));
  }

  @Test
  void withoutACredentialsLimiterPasswordGuessesAreNotLimited() {
    TestBrowser browser = new TestBrowser(Auth.create(AuthFixtures.builder().build()), ORIGIN);
    for (int i = 0; i < 20; i++) {
      browser.signIn("demo", "guess" + i);
    }
    assertEquals(200, browser.signIn("demo", "demo").status());
  }

  @Test
  void emailLinksAreLimitedToFivePerHourPerAddressByDefault() {
    Auth byDefault = Auth.create(AuthFixtures.builder().clock(clock).provider(new CountingEmailProvider(emailsSent))
        .store(new InMemoryAuthStore(clock)).sessionStrategy(SessionStrategy.JWT)
        .build());
    TestBrowser browser = new TestBrowser(byDefault, ORIGIN);
    for (int i = 0; i < 5; i++) {
      requestLink(browser, "someone@example.com");
    }
    assertEquals(429, requestLink(browser, "someone@example.com").status());
    assertEquals(5, emailsSent.get());
    clock.advance(Duration.ofMinutes(61));
    assertEquals(200, requestLink(browser, "someone@example.com").status());
  }

  @Test
  void theEmailLimitCanBeTurnedOff() {
    var config = AuthFixtures.builder().environment(Environment.of(Map.of("AUTH_EMAIL_RATE_LIMIT", "off"))).build();
    assertEquals(RateLimiter.UNLIMITED, config.emailRateLimiter());
  }

  @Test
  void theEnvironmentSetsTheLimits() {
    var config = AuthFixtures.builder().environment(Environment.of(Map.of("AUTH_RATE_LIMIT", "5/15m",
        "AUTH_EMAIL_RATE_LIMIT", "2/h"))).build();
    assertEquals("5 per PT15M", config.credentialsRateLimiter().toString());
    assertEquals("2 per PT1H", config.emailRateLimiter().toString());
  }

  @Test
  void aLimitOnACredentialsProviderWithoutAnIdentifierFieldFailsAtStartUp() {
    var noFields = dev.authjvm.core.provider.CredentialsProvider.builder().id("token")
        .authorize((form, request) -> java.util.Optional.empty()).build();
    var e = assertThrows(ConfigurationException.class, () -> AuthFixtures.builder().provider(noFields)
        .environment(Environment.of(Map.of("AUTH_RATE_LIMIT", "5/m"))).build());
    assertTrue(e.getMessage().contains("'token'") && e.getMessage().contains("identifierField"), e.getMessage());
  }

  @Test
  void aMalformedLimitFailsAtStartUpNamingTheSetting() {
    var e = assertThrows(ConfigurationException.class,
        () -> AuthFixtures.builder().environment(Environment.of(Map.of("AUTH_RATE_LIMIT", "lots"))).build());
    assertTrue(e.getMessage().startsWith("AUTH_RATE_LIMIT"), e.getMessage());
  }

  @Test
  void v4ClientsSeeTheCodeAsTheErrorName() {
    TestBrowser v4 = new TestBrowser(Auth.create(AuthFixtures.builder().protocol(ProtocolVersion.V4)
        .credentialsRateLimiter(new FixedWindowRateLimiter(1, Duration.ofMinutes(1), clock)).build()), ORIGIN);
    v4.signIn("demo", "a");
    AuthResponse r = v4.post("/api/auth/callback/credentials",
        Map.of("csrfToken", v4.csrfToken(), "username", "demo", "password", "b", "json", "true"));
    assertEquals(429, r.status());
    assertEquals(ORIGIN + "/api/auth/error?error=rate_limited", json(r).get("url"));
  }

  private AuthResponse requestLink(String email) {
    return requestLink(attacker, email);
  }

  private static AuthResponse requestLink(TestBrowser attacker, String email) {
    return attacker.post("/api/auth/signin/email", Map.of("csrfToken", attacker.csrfToken(), "email", email),
        "X-Auth-Return-Redirect", "1");
  }

  /** An email provider that only counts what it would send. */
  record CountingEmailProvider(AtomicInteger sent) implements EmailLinkProvider {
    @Override public String id() { return "email"; }
    @Override public String name() { return "Email"; }

    @Override
    public void sendVerificationRequest(VerificationRequest request) {
      sent.incrementAndGet();
    }
  }
}
