package dev.authjvm.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.authjvm.conformance.http.KitClient;
import dev.authjvm.conformance.http.KitResponse;
import dev.authjvm.core.config.AuthConfigBuilder;
import dev.authjvm.core.config.SessionStrategy;
import dev.authjvm.core.store.InMemoryAuthStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Sessions as a resource, through the adapter: {@code GET /sessions} and {@code POST /sessions/revoke}
 * (an authjvm extension of the Auth.js API), revocation seen at the next read, and remember-me. Run with
 * JWT sessions and with database sessions, on a store that keeps session records.
 */
public abstract class SessionManagementChecks extends OpenSpiChecks {

  /**
   * The checks; each subclass names the session strategy. A section's users are its own, so that listing
   * them shows only its sessions even when a run shares one store among all sections.
   */
  abstract class SessionsSection extends Section {
    final String users = "sessions-" + UUID.randomUUID() + "-";

    @Override
    protected boolean needsOwnConfiguration() {
      return true;
    }

    @BeforeEach
    void storeKeepsSessionRecords() {
      Assumptions.assumeTrue(config().sessionRegistry().isPresent(),
          "by design: this run's store keeps no session records, so sessions cannot be listed or revoked");
    }

    private KitClient signedIn(String user) {
      KitClient b = anotherBrowser();
      assertEquals(200, b.signIn(user, "demo").status());
      return b;
    }

    private static boolean isSignedIn(KitClient b) {
      return !b.get("session").send().json().path("user").isMissingNode();
    }

    private static JsonNode sessions(KitClient b) {
      KitResponse r = b.get("sessions").send();
      assertEquals(200, r.status(), r.body());
      return r.json().path("sessions");
    }

    private static String currentId(KitClient b) {
      for (JsonNode s : sessions(b)) {
        if (s.path("current").asBoolean()) {
          return s.path("id").asText();
        }
      }
      throw new AssertionError("no session marked current");
    }

    private static KitResponse revoke(KitClient b, Map<String, String> fields) {
      Map<String, String> form = new HashMap<>(fields);
      form.put("csrfToken", b.csrfToken());
      return b.post("sessions/revoke").header("X-Auth-Return-Redirect", "1").form(form).send();
    }

    @Test
    void theSignedInUserSeesTheirSessionsWithTheCurrentOneMarked() {
      KitClient laptop = signedIn("demo");
      signedIn("demo");
      signedIn("big");
      List<Boolean> current = new ArrayList<>();
      sessions(laptop).forEach(s -> current.add(s.path("current").asBoolean()));
      assertEquals(2, current.size());
      assertEquals(1, current.stream().filter(c -> c).count());
    }

    @Test
    void listingWhileSignedOutIs401() {
      assertEquals(401, browser.get("sessions").send().status());
    }

    @Test
    void aSessionRevokedByIdIsSignedOutAtItsNextRead() {
      KitClient laptop = signedIn("demo");
      KitClient phone = signedIn("demo");
      KitResponse r = revoke(laptop, Map.of("sessionId", currentId(phone)));
      assertEquals(200, r.status(), r.body());
      assertEquals(1, r.json().path("revoked").asInt());
      assertFalse(isSignedIn(phone));
      assertTrue(isSignedIn(laptop));
    }

    @Test
    void anotherUsersSessionIdIs404AndRevokesNothing() {
      KitClient demo = signedIn("demo");
      KitClient big = signedIn("big");
      KitResponse r = revoke(demo, Map.of("sessionId", currentId(big)));
      assertEquals(404, r.status(), r.body());
      assertTrue(isSignedIn(big));
    }

    @Test
    void withoutTheCsrfTokenNothingIsRevoked() {
      KitClient laptop = signedIn("demo");
      KitClient phone = signedIn("demo");
      laptop.post("sessions/revoke").header("X-Auth-Return-Redirect", "1")
          .form(Map.of("sessionId", currentId(phone))).send();
      assertTrue(isSignedIn(phone));
    }

    @Test
    void revokingOthersKeepsTheCurrentSession() {
      KitClient laptop = signedIn("demo");
      KitClient phone = signedIn("demo");
      revoke(laptop, Map.of("others", "true"));
      assertTrue(isSignedIn(laptop));
      assertFalse(isSignedIn(phone));
    }

    @Test
    void revokingAllClearsTheCurrentCookieToo() {
      KitClient laptop = signedIn("demo");
      KitClient phone = signedIn("demo");
      KitResponse r = revoke(laptop, Map.of("all", "true"));
      assertTrue(r.setCookies().stream().anyMatch(c -> c.name().endsWith("session-token") && c.isDeletion()),
          r.headers("Set-Cookie").toString());
      assertFalse(isSignedIn(phone));
      assertFalse(isSignedIn(laptop));
    }

    @Test
    void aCopyOfTheCookieIsDeadAfterSignOut() {
      KitClient laptop = signedIn("demo");
      KitClient thief = anotherBrowser();
      thief.cookies().putAll(laptop.cookies());
      laptop.post("signout").header("X-Auth-Return-Redirect", "1").form(Map.of("csrfToken", laptop.csrfToken())).send();
      assertFalse(isSignedIn(thief));
    }

    @Test
    void notBeingRememberedGivesACookieThatEndsWithTheBrowser() {
      KitResponse r = browser.post("callback/credentials").header("X-Auth-Return-Redirect", "1")
          .form(Map.of("csrfToken", browser.csrfToken(), "username", "demo", "password", "demo", "rememberMe", "false"))
          .send();
      var cookie = r.setCookies().stream().filter(c -> c.name().endsWith("session-token")).findFirst().orElseThrow();
      assertFalse(cookie.has("Expires") || cookie.has("Max-Age"), cookie.header());
      assertTrue(isSignedIn(browser));
    }
  }

  @Nested
  @DisplayName("Sessions as a resource: list and revoke (JWT sessions with a store)")
  public class JwtSessionsWithAStore extends SessionsSection {
    @Override
    protected AuthConfigBuilder configuration() {
      return KitConfigs.builder(users).store(new InMemoryAuthStore()).sessionStrategy(SessionStrategy.JWT);
    }
  }

  @Nested
  @DisplayName("Sessions as a resource: list and revoke (database sessions)")
  public class DatabaseSessions extends SessionsSection {
    @Override
    protected AuthConfigBuilder configuration() {
      return KitConfigs.builder(users).store(new InMemoryAuthStore()).credentialsDatabaseSessions(true)
          .sessionStrategy(SessionStrategy.DATABASE);
    }
  }
}
