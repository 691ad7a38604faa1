package dev.authjvm.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authjvm.core.config.SessionStrategy;
import dev.authjvm.core.observe.AuthObserver;
import dev.authjvm.core.provider.EmailLinkProvider;
import dev.authjvm.core.provider.VerificationRequest;
import dev.authjvm.core.ratelimit.FixedWindowRateLimiter;
import dev.authjvm.core.store.AuthenticatorStore;
import dev.authjvm.core.store.InMemoryAuthStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** What an observer (the metrics binding) is told, and that it cannot change an answer. */
class ObserverTest {
  /** Every call as a line, e.g. {@code signIn credentials success}. */
  static final class Recorder implements AuthObserver {
    final List<String> calls = new CopyOnWriteArrayList<>();

    @Override
    public void signIn(String provider, String outcome) {
      calls.add("signIn " + provider + " " + outcome);
    }

    @Override
    public void sessionRead(boolean signedIn) {
      calls.add("sessionRead " + signedIn);
    }

    @Override
    public void csrfRejected(String action) {
      calls.add("csrfRejected " + action);
    }

    @Override
    public void rateLimited(String kind, String provider) {
      calls.add("rateLimited " + kind + " " + provider);
    }

    @Override
    public void storeCall(String operation, Duration duration, boolean failed) {
      calls.add("store " + operation + (failed ? " failed" : ""));
    }
  }

  final Recorder recorder = new Recorder();

  @Test
  void signInsAreToldWithTheirOutcome() {
    TestBrowser browser = new TestBrowser(Auth.create(AuthFixtures.builder().observer(recorder).build()), "http://localhost");
    browser.signIn("demo", "wrong");
    browser.signIn("locked", "x");
    browser.signIn("demo", "demo");
    assertEquals(List.of("signIn credentials CredentialsSignin", "signIn credentials account_locked",
        "signIn credentials success"), recorder.calls.stream().filter(c -> c.startsWith("signIn")).toList());
  }

  @Test
  void aCallbackToAProviderThatIsNotConfiguredIsNotTold() {
    TestBrowser browser = new TestBrowser(Auth.create(AuthFixtures.builder().observer(recorder).build()), "http://localhost");
    browser.get("/api/auth/callback/invented-by-a-client");
    assertEquals(List.of(), recorder.calls.stream().filter(c -> c.startsWith("signIn")).toList());
  }

  @Test
  void aSignInThatFailsAtItsStartIsTold() {
    EmailLinkProvider failing = new EmailLinkProvider() {
      @Override
      public String id() {
        return "email";
      }

      @Override
      public String name() {
        return "Email";
      }

      @Override
      public void sendVerificationRequest(VerificationRequest request) {
        throw new IllegalStateException("the mail server is down");
      }
    };
    TestBrowser browser = new TestBrowser(Auth.create(AuthFixtures.builder().observer(recorder).provider(failing)
        .store(new InMemoryAuthStore()).sessionStrategy(SessionStrategy.JWT).build()), "http://localhost");
    browser.post("/api/auth/signin/email", Map.of("csrfToken", browser.csrfToken(), "email", "a@example.com"),
        "X-Auth-Return-Redirect", "1");
    assertEquals(List.of("signIn email EmailSignin"), recorder.calls.stream().filter(c -> c.startsWith("signIn")).toList());
  }

  @Test
  void sessionReadsCsrfRefusalsAndRateLimitsAreTold() {
    TestBrowser browser = new TestBrowser(Auth.create(AuthFixtures.builder().observer(recorder)
        .credentialsRateLimiter(new FixedWindowRateLimiter(1, Duration.ofMinutes(1), Clock.systemUTC())).build()),
        "http://localhost");
    browser.get("/api/auth/session");
    browser.post("/api/auth/signout", Map.of("csrfToken", "forged"));
    browser.signIn("demo", "wrong");
    browser.signIn("demo", "wrong");
    assertTrue(recorder.calls.containsAll(List.of("sessionRead false", "csrfRejected signout",
        "rateLimited credentials credentials", "signIn credentials rate_limited")), recorder.calls.toString());
  }

  @Test
  void everyStoreCallIsToldAndTheStoreKeepsItsCapabilities() {
    Auth auth = Auth.create(AuthFixtures.builder().observer(recorder).store(new InMemoryAuthStore())
        .sessionStrategy(SessionStrategy.DATABASE).credentialsDatabaseSessions(true).build());
    new TestBrowser(auth, "http://localhost").signIn("demo", "demo");
    assertTrue(recorder.calls.contains("store createSession"), recorder.calls.toString());
    assertTrue(auth.config().store().orElseThrow() instanceof AuthenticatorStore);
  }

  @Test
  void anObserverThatThrowsChangesNothing() {
    AuthObserver broken = new AuthObserver() {
      @Override
      public void signIn(String provider, String outcome) {
        throw new IllegalStateException("metrics backend down");
      }
    };
    TestBrowser browser = new TestBrowser(Auth.create(AuthFixtures.builder().observer(broken).build()), "http://localhost");
    assertEquals(200, browser.signIn("demo", "demo").status());
    assertTrue(browser.cookies.containsKey("authjs.session-token"));
  }
}
