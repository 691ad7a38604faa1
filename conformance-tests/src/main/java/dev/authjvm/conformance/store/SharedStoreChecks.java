package dev.authjvm.conformance.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.authjvm.conformance.http.KitClient;
import dev.authjvm.conformance.http.KitResponse;
import java.net.URI;
import java.util.Map;
import java.util.UUID;

/**
 * What two application instances sharing a store must show, for a store's deployment tests: each instance is
 * given by its API's base URL and configured like {@link dev.authjvm.conformance.KitConfigs#builder()} with the
 * shared store (and, for the limit, a credentials rate limit).
 */
public final class SharedStoreChecks {
  private SharedStoreChecks() {}

  /**
   * A session signed in on {@code first} and revoked from another browser of the same user on {@code second}
   * ends on {@code first} at its next read; the revoking browser stays signed in.
   */
  public static void aRevocationOnOneInstanceEndsTheSessionOnTheOther(URI first, URI second) {
    KitClient laptop = new KitClient(first);
    assertEquals(200, laptop.signIn("demo", "demo").status());
    String laptopSession = currentSessionId(laptop);
    KitClient phone = new KitClient(second);
    assertEquals(200, phone.signIn("demo", "demo").status());
    assertTrue(isSignedIn(laptop), "signed in before the revocation");

    KitResponse r = phone.post("sessions/revoke").header("X-Auth-Return-Redirect", "1")
        .form(Map.of("csrfToken", phone.csrfToken(), "sessionId", laptopSession)).send();

    assertEquals(200, r.status(), r.body());
    assertFalse(isSignedIn(laptop), "the session revoked on the other instance has ended");
    assertTrue(isSignedIn(phone), "the revoking session goes on");
  }

  /**
   * With a limit of {@code limit} failed sign-ins per username, attempts made alternately on both instances are
   * counted together: the one after the limit is refused with 429 on either instance.
   */
  public static void theSignInLimitCountsTheAttemptsMadeOnBothInstances(URI first, URI second, int limit) {
    String username = "guesser-" + UUID.randomUUID();
    KitClient[] browsers = {new KitClient(first), new KitClient(second)};
    for (int i = 0; i < limit; i++) {
      KitResponse attempt = browsers[i % 2].signIn(username, "guess-" + i);
      assertTrue(attempt.url().endsWith("?error=CredentialsSignin&code=credentials"),
          "attempt " + (i + 1) + " is counted, not refused: " + attempt.url());
    }
    assertEquals(429, browsers[limit % 2].signIn(username, "guess").status(), "the attempt over the limit");
    assertEquals(429, browsers[(limit + 1) % 2].signIn(username, "guess").status(), "and on the other instance");
  }

  private static boolean isSignedIn(KitClient browser) {
    return !browser.get("session").send().json().path("user").isMissingNode();
  }

  /** The id of the browser's own session, as {@code GET /sessions} marks it. */
  private static String currentSessionId(KitClient browser) {
    KitResponse r = browser.get("sessions").send();
    assertEquals(200, r.status(), r.body());
    for (JsonNode s : r.json().path("sessions")) {
      if (s.path("current").asBoolean()) {
        return s.path("id").asText();
      }
    }
    throw new AssertionError("no session marked current: " + r.body());
  }
}
