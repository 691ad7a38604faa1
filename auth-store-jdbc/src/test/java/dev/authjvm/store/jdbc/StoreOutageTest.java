package dev.authjvm.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.authjvm.conformance.KitBase;
import dev.authjvm.conformance.KitConfigs;
import dev.authjvm.conformance.http.KitClient;
import dev.authjvm.conformance.http.KitResponse;
import dev.authjvm.conformance.store.TcpProxy;
import dev.authjvm.core.store.StoreException;
import dev.authjvm.testsupport.AuthTestServer;
import dev.authjvm.testsupport.TestDatabases;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The database goes away and comes back (the line to PostgreSQL is cut and restored): requests get a
 * clean error meanwhile, nobody is signed out, and the application recovers without a restart. The sign-in
 * limit counts in the store, so a sign-in meets the outage at its first step.
 */
class StoreOutageTest {
  static TcpProxy line;
  static HikariDataSource pool;
  static AuthTestServer server;
  static JdbcAuthStore store;

  @BeforeAll
  static void start() throws Exception {
    TestDatabases.Database db = TestDatabases.postgres();
    URI target = URI.create(db.url().substring("jdbc:".length()));
    line = new TcpProxy(target.getHost(), target.getPort());
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(db.url().replace(target.getHost() + ":" + target.getPort(), "127.0.0.1:" + line.port()));
    config.setUsername(db.user());
    config.setPassword(db.password());
    config.setConnectionTimeout(1_000);
    config.setValidationTimeout(500);
    config.setMaximumPoolSize(4);
    pool = new HikariDataSource(config);
    store = JdbcAuthStore.builder(pool).createSchema(true).build();
    server = AuthTestServer.start(KitConfigs.builder().store(store).credentialsDatabaseSessions(true)
        .credentialsRateLimit("100/h").build());
  }

  @AfterAll
  static void stop() {
    server.close();
    pool.close();
    line.close();
  }

  @BeforeEach
  void lineIsUp() throws Exception {
    line.restore();
    // The pool notices its broken connections when it next uses them: wait until it has fresh ones.
    Instant deadline = Instant.now().plusSeconds(60);
    while (!storeAnswers() && Instant.now().isBefore(deadline)) {
      TimeUnit.MILLISECONDS.sleep(50);
    }
  }

  static boolean storeAnswers() {
    try {
      store.getUser("probe");
      return true;
    } catch (StoreException e) {
      return false;
    }
  }

  @Test
  void theSessionEndpointAnswersACleanServerErrorWhileTheDatabaseIsDown() {
    KitClient browser = new KitClient(server.baseUrl());
    browser.signIn("demo", "demo");
    line.cut();

    KitResponse r = browser.get("session").send();

    assertEquals(500, r.status());
    assertTrue(r.header("Content-Type").orElse("").startsWith("application/json"));
    KitBase.assertNoStackTrace(r.body());
    assertTrue(browser.cookies().containsKey("authjs.session-token"), "the session cookie is kept");
  }

  @Test
  void aSignInDuringTheOutageLandsOnTheErrorPageAndLeavesNoSession() {
    KitClient browser = new KitClient(server.baseUrl());
    String csrf = browser.csrfToken();
    line.cut();

    KitResponse r = browser.post("callback/credentials")
        .form(Map.of("csrfToken", csrf, "username", "demo", "password", "demo")).send();

    assertEquals(302, r.status());
    assertTrue(r.header("Location").orElse("").contains("/error?error=Configuration"), r.header("Location").orElse(""));
    assertFalse(browser.cookies().containsKey("authjs.session-token"));
  }

  @Test
  void theSameSessionWorksAgainOnceTheDatabaseIsBackWithoutARestart() throws Exception {
    KitClient browser = new KitClient(server.baseUrl());
    browser.signIn("demo", "demo");
    line.cut();
    assertEquals(500, browser.get("session").send().status());

    line.restore();

    // A request may still meet a connection broken by the outage; within moments the pool has new ones.
    Instant deadline = Instant.now().plusSeconds(60);
    KitResponse r = browser.get("session").send();
    while (r.status() != 200 && Instant.now().isBefore(deadline)) {
      TimeUnit.MILLISECONDS.sleep(50);
      r = browser.get("session").send();
    }
    assertEquals(200, r.status());
    assertEquals("Demo User", r.json().path("user").path("name").asText());
  }

  @Test
  void listingSessionsDuringTheOutageIsACleanServerErrorAndWorksAgainAfterIt() throws Exception {
    KitClient browser = new KitClient(server.baseUrl());
    browser.signIn("demo", "demo");
    line.cut();

    KitResponse during = browser.get("sessions").send();
    assertEquals(500, during.status());
    KitBase.assertNoStackTrace(during.body());

    line.restore();
    KitResponse after = untilOk(() -> browser.get("sessions").send());
    assertEquals(200, after.status(), after.body());
    assertTrue(after.json().path("sessions").size() >= 1, after.body());
  }

  @Test
  void registryAndCounterCallsFailWithAStoreExceptionDuringTheOutageAndWorkAfterIt() throws Exception {
    String key = "outage:" + UUID.randomUUID();
    line.cut();

    assertThrows(StoreException.class, () -> store.incrementCounter(key, Duration.ofMinutes(1)));
    assertThrows(StoreException.class, () -> store.findSessionRecord(key));
    assertThrows(StoreException.class, () -> store.listSessionRecords(key));

    line.restore();
    Instant deadline = Instant.now().plusSeconds(60);
    while (!storeAnswers() && Instant.now().isBefore(deadline)) {
      TimeUnit.MILLISECONDS.sleep(50);
    }
    assertEquals(1, store.incrementCounter(key, Duration.ofMinutes(1)).value(), "the failed increment counted nothing");
    assertTrue(store.findSessionRecord(key).isEmpty());
  }

  /** A request may still meet a connection broken by the outage; within moments the pool has new ones. */
  static KitResponse untilOk(Supplier<KitResponse> request) throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(60);
    KitResponse r = request.get();
    while (r.status() != 200 && Instant.now().isBefore(deadline)) {
      TimeUnit.MILLISECONDS.sleep(50);
      r = request.get();
    }
    return r;
  }
}
