package dev.authjvm.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.authjvm.conformance.http.KitClient;
import dev.authjvm.core.Auth;
import dev.authjvm.core.config.AuthConfigBuilder;
import dev.authjvm.core.config.SessionStrategy;
import dev.authjvm.core.store.InMemoryAuthStore;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Adding a secret (AUTH_SECRET_1…) keeps what was issued with the old one working, through a real
 * server restarted with the new list: the session, the CSRF cookie a sign-in form holds, and an email
 * link waiting in someone's inbox.
 */
class SecretRotationTest {
  static final String OLD = KitConfigs.SECRET;
  static final String NEW = "a-newer-secret-for-the-rotation-check-0123";
  final InMemoryAuthStore store = new InMemoryAuthStore();
  JdkHttpServerAdapter server;
  KitClient browser;

  private AuthConfigBuilder config(String... secrets) {
    return EmailChecks.withKitMail().secret(secrets).store(store).sessionStrategy(SessionStrategy.JWT);
  }

  private void serve(String... secrets) throws Exception {
    if (server != null) {
      server.stop();
    }
    server = new JdkHttpServerAdapter(Auth.create(config(secrets).build()));
    KitClient next = new KitClient(URI.create("http://127.0.0.1:" + server.port() + "/api/auth"));
    if (browser != null) {
      next.cookies().putAll(browser.cookies());
    }
    browser = next;
  }

  @BeforeEach
  void startWithTheOldSecret() throws Exception {
    serve(OLD);
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  @Test
  void aCsrfTokenIssuedBeforeASecretWasAddedStillSignsIn() throws Exception {
    String token = browser.csrfToken();
    serve(NEW, OLD);
    browser.post("callback/credentials").header("X-Auth-Return-Redirect", "1")
        .form(Map.of("csrfToken", token, "username", "demo", "password", "demo")).send();
    assertEquals("Demo User", browser.get("session").send().json().path("user").path("name").asText(null));
  }

  @Test
  void anEmailLinkSentBeforeASecretWasAddedStillSignsIn() throws Exception {
    String address = EmailChecks.newAddress();
    EmailChecks.requestLink(browser, address);
    String link = EmailChecks.linkFor(browser, address);
    serve(NEW, OLD);
    browser.get(link).send();
    assertEquals(address, EmailChecks.sessionEmail(browser));
  }

  @Test
  void aSessionIssuedBeforeASecretWasAddedIsStillValid() throws Exception {
    browser.signIn("demo", "demo");
    serve(NEW, OLD);
    assertEquals("Demo User", browser.get("session").send().json().path("user").path("name").asText(null));
  }

  @Test
  void whatTheRemovedSecretIssuedIsNoLongerAccepted() throws Exception {
    browser.signIn("demo", "demo");
    serve(NEW);
    assertEquals("null", browser.get("session").send().body().strip());
  }
}
