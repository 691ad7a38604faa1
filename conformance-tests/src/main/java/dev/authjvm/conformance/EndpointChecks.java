package dev.authjvm.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.authjvm.conformance.http.KitResponse;
import dev.authjvm.conformance.http.SetCookieHeader;
import dev.authjvm.core.callback.SessionParams;
import dev.authjvm.core.config.AuthConfigBuilder;
import dev.authjvm.core.session.Session;
import dev.authjvm.core.session.SessionUser;
import dev.authjvm.core.user.User;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Checks of the JSON endpoints' answers: /csrf, /providers, /session. */
public abstract class EndpointChecks extends KitBase {

  static void assertNoCache(KitResponse r) {
    assertEquals("private, no-cache, no-store", r.header("Cache-Control").orElse(null), "Cache-Control");
    assertEquals("no-cache", r.header("Pragma").orElse(null), "Pragma");
    assertEquals("0", r.header("Expires").orElse(null), "Expires");
  }

  static void assertJson(KitResponse r) {
    assertTrue(r.header("Content-Type").orElse("").startsWith("application/json"), "Content-Type: " + r.header("Content-Type"));
  }

  static void assertHtml(KitResponse r) {
    assertTrue(r.header("Content-Type").orElse("").startsWith("text/html"), "Content-Type: " + r.header("Content-Type"));
  }

  @Nested
  @DisplayName("§2.1 GET /csrf")
  public class Csrf extends Section {
    @Test
    void answers200Json() {
      KitResponse r = browser.get("csrf").send();
      assertEquals(200, r.status());
      assertJson(r);
    }

    @Test
    void answersATokenOf64LowercaseHexCharacters() {
      assertTrue(browser.get("csrf").send().json().path("csrfToken").asText().matches("[0-9a-f]{64}"));
    }

    @Test
    void isNotCacheable() {
      assertNoCache(browser.get("csrf").send());
    }

    @Test
    void setsTheCsrfCookieAsTokenBarHashUrlEncoded() {
      KitResponse r = browser.get("csrf").send();
      SetCookieHeader c = r.setCookies().stream().filter(x -> x.name().endsWith("csrf-token")).findFirst().orElseThrow();
      assertTrue(c.rawValue().matches("[0-9a-f]{64}%7C[0-9a-f]{64}"), c.rawValue());
      assertTrue(c.value().startsWith(r.json().path("csrfToken").asText() + "|"));
    }

    @Test
    void theCsrfCookieIsHttpOnlyLaxAtRootWithoutExpiry() {
      SetCookieHeader c = browser.get("csrf").send().setCookies().stream().filter(x -> x.name().endsWith("csrf-token"))
          .findFirst().orElseThrow();
      assertTrue(c.has("HttpOnly"));
      assertEquals("Lax", c.attribute("SameSite").orElse(null));
      assertEquals("/", c.attribute("Path").orElse(null));
      assertFalse(c.has("Expires") || c.has("Max-Age") || c.has("Domain"), c.header());
    }

    @Test
    void answersTheSameTokenWhileTheCookieLives() {
      String first = browser.csrfToken();
      assertEquals(first, browser.csrfToken());
    }

    @Test
    void setsNoNewCookieWhenTheCookieIsValid() {
      browser.csrfToken();
      assertTrue(browser.get("csrf").send().setCookies().stream().noneMatch(c -> c.name().endsWith("csrf-token")));
    }

    @Test
    void replacesACookieWhoseHashDoesNotMatch() {
      String name = browser.get("csrf").send().setCookies().stream().map(SetCookieHeader::name)
          .filter(n -> n.endsWith("csrf-token")).findFirst().orElseThrow();
      String forged = "a".repeat(64);
      browser.cookies().put(name, forged + "%7C" + "b".repeat(64));
      assertNotEquals(forged, browser.csrfToken());
    }
  }

  @Nested
  @DisplayName("§2.2 GET /providers")
  public class Providers extends Section {
    @Test
    void answers200Json() {
      KitResponse r = browser.get("providers").send();
      assertEquals(200, r.status());
      assertJson(r);
    }

    @Test
    void listsTheCredentialsProviderWithExactlyTheFiveFields() {
      JsonNode p = browser.get("providers").send().json().path("credentials");
      assertEquals(List.of("id", "name", "type", "signinUrl", "callbackUrl"), iterable(p.fieldNames()));
      assertEquals("credentials", p.path("type").asText());
      assertEquals("credentials", p.path("id").asText());
    }

    @Test
    void givesAbsoluteSignInAndCallbackUrls() {
      JsonNode p = browser.get("providers").send().json().path("credentials");
      assertEquals(browser.url("signin/credentials"), p.path("signinUrl").asText());
      assertEquals(browser.url("callback/credentials"), p.path("callbackUrl").asText());
    }

    @Test
    void setsNoCookie() {
      assertEquals(List.of(), browser.get("providers").send().headers("Set-Cookie"));
    }

    private static List<String> iterable(java.util.Iterator<String> it) {
      List<String> out = new java.util.ArrayList<>();
      it.forEachRemaining(out::add);
      return out;
    }
  }

  @Nested
  @DisplayName("§2.3 GET /session")
  public class SessionRead extends Section {
    @Test
    void withoutACookieAnswersNull() {
      KitResponse r = browser.get("session").send();
      assertEquals(200, r.status());
      assertEquals("null", r.body());
    }

    @Test
    void isJsonAndNotCacheable() {
      KitResponse r = browser.get("session").send();
      assertJson(r);
      assertNoCache(r);
    }

    @Test
    void afterSignInAnswersTheUser() {
      browser.signIn("demo", "demo");
      JsonNode user = browser.get("session").send().json().path("user");
      assertEquals("Demo User", user.path("name").asText());
      assertEquals("demo@example.com", user.path("email").asText());
    }

    @Test
    void answersTheExpiryAsIsoWithMilliseconds() {
      browser.signIn("demo", "demo");
      assertTrue(browser.get("session").send().json().path("expires").asText()
          .matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z"));
    }

    @Test
    void reissuesTheSessionCookieOnEveryRead() {
      assumeJwtSessions();
      browser.signIn("demo", "demo");
      String name = sessionCookieName();
      String before = browser.cookies().get(name);
      KitResponse r = browser.get("session").send();
      SetCookieHeader c = r.setCookie(name).orElseThrow(() -> new AssertionError("session cookie not re-set"));
      assertNotEquals(before, c.rawValue());
      assertTrue(c.has("Expires") && c.has("HttpOnly"), c.header());
    }

    @Test
    void aGarbageSessionCookieIsNullAndCleared() {
      browser.signIn("demo", "demo");
      String name = sessionCookieName();
      browser.cookies().put(name, "not-a-token");
      KitResponse r = browser.get("session").send();
      assertEquals("null", r.body());
      assertTrue(r.setCookie(name).orElseThrow().isDeletion());
    }

    @Test
    void aTamperedSessionCookieIsNullAndCleared() {
      browser.signIn("demo", "demo");
      String name = sessionCookieName();
      String token = browser.cookies().get(name);
      browser.cookies().put(name, token.substring(0, token.length() - 6) + (token.endsWith("AAAAAA") ? "BBBBBB" : "AAAAAA"));
      KitResponse r = browser.get("session").send();
      assertEquals("null", r.body());
      assertTrue(r.setCookie(name).orElseThrow().isDeletion());
    }

    @Test
    void aSessionCookieOfAnotherSecretIsNull() {
      browser.signIn("demo", "demo");
      // A v5 token made by Auth.js with another secret (the spec's test vector, secret "test-secret").
      browser.cookies().put(sessionCookieName(), "eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2Q0JDLUhTNTEyIiwia2lkIjoiTFJrYUx2dmR5TWZyd3lPWGwtM3pIVDdILVE2ZnZYZWYyQzVhR0VDOFRWNk0xaG4ybGM0TXFPMzFCTzFjdWJNUUVnVnRQNHJEZV81aXFROTI4dHRDN3cifQ..AAECAwQFBgcICQoLDA0ODw.k7bnSIioTsMs9U5r7G3NNCQKf-KtBBUbUBfno_fprIsQHFZW7ffFEyc8bvVIUHIKa4HE2JDnVeriXzRrD45tSinFnQyvL4VboFkBkL5wenVWMqWq_ttN1P0091GRlRdBfquBNa7tgiyipcas00jnjmkwTpT9S8ScKAlhBx25K1WcyiQhF_DSGFAZj9RbmwV8Ko-bvVIj95lq5DaRDvR0RTccjrEpPjEOM3d-Mj2F1phrO1YrlphJdjGPZnXt9t63.5kM-NJIzNPeAkfqkpKZEgLrwHqAfnFDoIDCoHVO-6Ls");
      assertEquals("null", browser.get("session").send().body());
    }

    private String sessionCookieName() {
      return browser.cookies().keySet().stream().filter(n -> n.contains("session-token")).findFirst()
          .orElseThrow(() -> new AssertionError("no session cookie after sign-in: " + browser.cookies().keySet()));
    }
  }

  @Nested
  @DisplayName("§2.4 POST /session (update)")
  public class SessionUpdate extends Section {
    /**
     * JWT sessions: the kit's jwt callback writes {@code update({name})} into the token. Database sessions:
     * the update reaches the session callback, which persists it in the store, as Auth.js documents it.
     */
    @Override
    protected AuthConfigBuilder configuration() {
      return KitConfigs.builder().callbacks(KitConfigs.callbacks().withSession(this::renameInTheStore));
    }

    private Session renameInTheStore(SessionParams p) {
      if (p.user() == null || !(p.update() instanceof Map<?, ?> data) || !(data.get("name") instanceof String name)) {
        return p.session();
      }
      User u = p.user();
      config().store().orElseThrow().updateUser(new User(u.id(), name, u.email(), u.image(), u.emailVerified()));
      return new Session(new SessionUser(name, u.email(), u.image()), p.session().expires(), p.session().extra());
    }

    /** Database sessions: the store keeps the demo user for the other sections, under its own name. */
    @AfterEach
    void giveTheDemoUserItsNameBack() {
      config().store().ifPresent(store -> store.getUser("1").filter(u -> !"Demo User".equals(u.name()))
          .ifPresent(u -> store.updateUser(new User(u.id(), "Demo User", u.email(), u.image(), u.emailVerified()))));
    }

    private KitResponse update(String csrf) {
      String token = csrf == null ? "" : "\"csrfToken\":\"" + csrf + "\",";
      return browser.post("session").body("application/json", "{" + token + "\"data\":{\"name\":\"Renamed\"}}").send();
    }

    @Test
    void answersTheUpdatedSession() {
      browser.signIn("demo", "demo");
      KitResponse r = update(browser.csrfToken());
      assertEquals(200, r.status());
      assertEquals("Renamed", r.json().path("user").path("name").asText());
    }

    @Test
    void theUpdateLastsForLaterReads() {
      browser.signIn("demo", "demo");
      update(browser.csrfToken());
      assertEquals("Renamed", browser.get("session").send().json().path("user").path("name").asText());
    }

    @Test
    void withoutTheCsrfTokenIs400Null() {
      browser.signIn("demo", "demo");
      KitResponse r = update(null);
      assertEquals(400, r.status());
      assertEquals("null", r.body());
    }

    @Test
    void withAWrongCsrfTokenIs400AndChangesNothing() {
      browser.signIn("demo", "demo");
      assertEquals(400, update("0".repeat(64)).status());
      assertEquals("Demo User", browser.get("session").send().json().path("user").path("name").asText());
    }
  }
}
