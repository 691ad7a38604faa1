package dev.authjvm.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authjvm.conformance.KitConfigs;
import dev.authjvm.conformance.http.KitClient;
import dev.authjvm.core.ratelimit.FixedWindowRateLimiter;
import dev.authjvm.testsupport.AuthTestServer;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the meters count when real requests reach the core on the Undertow adapter: the kit's
 * credentials provider ({@code demo}/{@code demo} signs in, {@code locked} is refused with
 * {@code account_locked}), JWT sessions, and two failed attempts per user name allowed.
 */
class ServerMetricsTest {
  SimpleMeterRegistry registry;
  AuthTestServer server;
  KitClient browser;

  @BeforeEach
  void start() {
    registry = new SimpleMeterRegistry();
    server = AuthTestServer.start(KitConfigs.builder().observer(AuthMetrics.of(registry))
        .credentialsRateLimiter(new FixedWindowRateLimiter(2, Duration.ofHours(1), Clock.systemUTC())).build());
    browser = new KitClient(server.baseUrl());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  double signIns(String provider, String outcome) {
    return registry.get(AuthMetrics.SIGN_INS).tags("provider", provider, "outcome", outcome).counter().count();
  }

  /** The tag values of one name's meters, e.g. every outcome counted so far. */
  Set<String> tagValues(String meter, String tag) {
    return registry.find(meter).meters().stream().map(m -> m.getId().getTag(tag)).collect(Collectors.toSet());
  }

  @Test
  void theRightPasswordCountsASuccessfulSignInForItsProvider() {
    browser.signIn("demo", "demo");

    assertEquals(1, signIns("credentials", "success"));
    assertEquals(Set.of("success"), tagValues(AuthMetrics.SIGN_INS, "outcome"));
  }

  @Test
  void aWrongPasswordCountsTheErrorCodeClientsSee() {
    browser.signIn("demo", "wrong");

    assertEquals(1, signIns("credentials", "CredentialsSignin"));
    assertEquals(Set.of("CredentialsSignin"), tagValues(AuthMetrics.SIGN_INS, "outcome"));
  }

  @Test
  void aLockedAccountCountsTheCodeTheApplicationRefusedWith() {
    browser.signIn("locked", "demo");

    assertEquals(1, signIns("credentials", "account_locked"));
  }

  @Test
  void aPostWithoutCsrfTokenCountsACsrfFailureForItsAction() {
    browser.csrfToken(); // the cookie is there; the form leaves the token out
    browser.post("signout").form(Map.of("callbackUrl", "/")).send();

    assertEquals(1, registry.get(AuthMetrics.CSRF_FAILURES).tag("action", "signout").counter().count());
  }

  @Test
  void aSignInWithoutCsrfTokenCountsBothTheCsrfFailureAndTheFailedSignIn() {
    browser.post("callback/credentials").form(Map.of("username", "demo", "password", "demo")).send();

    assertEquals(1, registry.get(AuthMetrics.CSRF_FAILURES).tag("action", "callback").counter().count());
    assertEquals(1, signIns("credentials", "MissingCSRF"));
  }

  @Test
  void anAttemptOverTheRateLimitCountsAsRateLimitedAndAsAFailedSignIn() {
    for (int attempt = 0; attempt < 3; attempt++) {
      browser.signIn("demo", "wrong-" + attempt);
    }

    assertEquals(1, registry.get(AuthMetrics.RATE_LIMITED).tags("kind", "credentials", "provider", "credentials")
        .counter().count());
    assertEquals(2, signIns("credentials", "CredentialsSignin"));
    assertEquals(1, signIns("credentials", "rate_limited"));
  }

  @Test
  void sessionReadsAreCountedByWhetherTheyFoundASession() {
    browser.get("session").send();
    browser.signIn("demo", "demo");
    browser.get("session").send();
    browser.get("session").send();

    assertEquals(1, registry.get(AuthMetrics.SESSION_READS).tag("signed.in", "false").counter().count());
    assertEquals(2, registry.get(AuthMetrics.SESSION_READS).tag("signed.in", "true").counter().count());
  }

  @Test
  void withoutAStoreNoStoreTimerIsRegistered() {
    browser.signIn("demo", "demo");
    browser.get("session").send();

    assertNull(registry.find(AuthMetrics.STORE_CALLS).timer());
  }

  /** The core names the provider of {@code /callback/<id>} as the request spelled it, configured or not. */
  @Test
  void callbacksForInventedProvidersCannotAddMetersWithoutEnd() {
    for (int i = 0; i < 150; i++) {
      browser.get("callback/invented-" + i).send();
    }
    browser.get("callback/" + "x".repeat(5000)).send();
    browser.get("callback/%3Cscript%3E").send();

    Set<String> providers = tagValues(AuthMetrics.SIGN_INS, "provider");
    assertTrue(providers.size() <= BoundedTagValues.LIMIT + 1, providers.size() + " provider tag values");
    assertEquals(152, registry.find(AuthMetrics.SIGN_INS).counters().stream().mapToDouble(c -> c.count()).sum());
    assertEquals(152 - (BoundedTagValues.LIMIT), signIns("other", "Configuration"));
    assertTrue(registry.getMeters().stream().map(Meter::getId).allMatch(id -> id.getTags().stream()
        .allMatch(t -> t.getValue().length() <= 64)), "no tag value longer than 64 characters");
  }
}
