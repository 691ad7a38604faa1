package dev.authjvm.client;

import static dev.authjvm.client.ScriptedServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Session listeners and the polling that mirrors {@code refetchInterval}, against a real server whose session the test changes. */
class SessionListenersTest {
  private static final Duration INTERVAL = Duration.ofMillis(50);
  private final ScriptedServer server = BadAnswersTest.newServer();
  private final AtomicReference<String> session = new AtomicReference<>(session("Alice", "2030-01-01T00:00:00Z"));
  private final List<String> changes = new CopyOnWriteArrayList<>();

  SessionListenersTest() {
    server.on("/api/auth/session", exchange -> json(session.get()).respond(exchange));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static String session(String name, String expires) {
    return "{\"user\":{\"name\":\"" + name + "\"},\"expires\":\"" + expires + "\"}";
  }

  private void record(Optional<Session> previous, Optional<Session> current) {
    changes.add(name(previous) + " -> " + name(current));
  }

  private static String name(Optional<Session> s) {
    return s.map(x -> x.user().name()).orElse("signed out");
  }

  @Test
  void aListenerHearsTheFirstSessionAndEveryChange() {
    try (AuthClient client = AuthClient.builder().baseUrl(server.baseUrl()).sessionListener(this::record).build()) {
      client.session();
      session.set(session("Alice B.", "2030-01-01T00:00:00Z"));
      client.session();
      session.set("null");
      client.session();
      assertEquals(List.of("signed out -> Alice", "Alice -> Alice B.", "Alice B. -> signed out"), changes);
    }
  }

  @Test
  void aLaterExpiryAloneIsNotAChange() {
    try (AuthClient client = AuthClient.builder().baseUrl(server.baseUrl()).sessionListener(this::record).build()) {
      client.session();
      session.set(session("Alice", "2031-01-01T00:00:00Z"));
      client.session();
      assertEquals(List.of("signed out -> Alice"), changes);
    }
  }

  @Test
  void aFailingListenerDoesNotKeepTheOthersFromHearing() {
    try (AuthClient client = AuthClient.builder().baseUrl(server.baseUrl())
        .sessionListener((a, b) -> {
          throw new IllegalStateException("listener bug");
        })
        .sessionListener(this::record).build()) {
      assertEquals("Alice", client.session().orElseThrow().user().name());
      assertEquals(List.of("signed out -> Alice"), changes);
    }
  }

  @Test
  void aRemovedListenerHearsNothingMore() {
    try (AuthClient client = AuthClient.builder().baseUrl(server.baseUrl()).build()) {
      SessionListener listener = this::record;
      client.addSessionListener(listener);
      client.session();
      client.removeSessionListener(listener);
      session.set("null");
      client.session();
      assertEquals(List.of("signed out -> Alice"), changes);
    }
  }

  @Test
  void pollingWhileSignedInSeesAChangeOnTheServer() {
    try (AuthClient client = AuthClient.builder().baseUrl(server.baseUrl()).refetchInterval(INTERVAL)
        .sessionListener(this::record).build()) {
      client.session();
      session.set(session("Renamed elsewhere", "2030-01-01T00:00:00Z"));
      await(() -> changes.contains("Alice -> Renamed elsewhere"));
      session.set("null");
      await(() -> changes.contains("Renamed elsewhere -> signed out"));
    }
  }

  @Test
  void pollingWaitsForASignIn() throws InterruptedException {
    session.set("null");
    try (AuthClient client = AuthClient.builder().baseUrl(server.baseUrl()).refetchInterval(INTERVAL).build()) {
      client.session();
      // As the official SessionProvider: no session, no polling. Waiting can only miss a poll, never invent one.
      TimeUnit.MILLISECONDS.sleep(INTERVAL.toMillis() * 10);
      assertEquals(1, server.hits("/api/auth/session"));
    }
  }

  @Test
  void closingStopsPolling() throws InterruptedException {
    AuthClient client = AuthClient.builder().baseUrl(server.baseUrl()).refetchInterval(INTERVAL).build();
    client.session();
    await(() -> server.hits("/api/auth/session") >= 3);
    client.close();
    long afterClose = server.hits("/api/auth/session") + 1; // one poll may have been under way
    TimeUnit.MILLISECONDS.sleep(INTERVAL.toMillis() * 10);
    assertTrue(server.hits("/api/auth/session") <= afterClose, server.hits("/api/auth/session") + " requests");
    assertTrue(client.session().isPresent(), "requests still work after close");
  }

  @Test
  void aFailedPollGoesToTheFailureHandlerAndPollingGoesOn() {
    List<AuthClientException> failures = new CopyOnWriteArrayList<>();
    try (AuthClient client = AuthClient.builder().baseUrl(server.baseUrl()).refetchInterval(INTERVAL)
        .onPollFailure(failures::add).sessionListener(this::record).build()) {
      client.session();
      session.set("<html>maintenance</html>");
      await(() -> !failures.isEmpty());
      assertEquals(AuthClientException.Problem.NOT_JSON, failures.get(0).problem());
      session.set(session("Back", "2030-01-01T00:00:00Z"));
      await(() -> changes.contains("Alice -> Back"));
    }
  }

  @Test
  void thePollingThreadIsADaemonSoItNeverKeepsTheJvmAlive() {
    try (AuthClient client = AuthClient.builder().baseUrl(server.baseUrl()).refetchInterval(INTERVAL).build()) {
      client.session();
      await(() -> server.hits("/api/auth/session") >= 2);
      Thread poller = Thread.getAllStackTraces().keySet().stream()
          .filter(t -> t.getName().equals("authjvm-client-poll")).findFirst().orElseThrow();
      assertTrue(poller.isDaemon());
    }
  }

  /** Polls for a condition with a deadline generous enough for a loaded machine. */
  static void await(BooleanSupplier condition) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not reached within 30 s");
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
