package dev.authjvm.store.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authjvm.conformance.KitBase;
import dev.authjvm.conformance.KitConfigs;
import dev.authjvm.conformance.http.KitClient;
import dev.authjvm.conformance.http.KitResponse;
import dev.authjvm.conformance.store.TcpProxy;
import dev.authjvm.core.store.StoreException;
import dev.authjvm.testsupport.AuthTestServer;
import dev.authjvm.testsupport.TestRedis;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Redis goes away and comes back (the line to it is cut and restored): requests get a clean error
 * meanwhile, the session cookie is kept, and the same session works again without a restart; so do session
 * records and the counters of the sign-in limit.
 */
class RedisOutageTest {
  static TcpProxy line;
  static RedisAuthStore store;
  static AuthTestServer server;

  @BeforeAll
  static void start() throws Exception {
    URI redis = URI.create(TestRedis.url());
    line = new TcpProxy(redis.getHost(), redis.getPort());
    // A generous timeout: the sign-in before the cut must not fail on a loaded machine. While the line is
    // down the standalone client rejects commands at once, so the outage itself does not wait for it.
    store = RedisAuthStore.builder("redis://127.0.0.1:" + line.port() + redis.getPath())
        .keyPrefix(TestRedis.keyPrefix("outage")).commandTimeout(Duration.ofSeconds(10)).build();
    server = AuthTestServer.start(KitConfigs.builder().store(store).credentialsDatabaseSessions(true)
        .credentialsRateLimit("100/h").build());
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    store.close();
    line.close();
  }

  @BeforeEach
  void lineIsUp() throws Exception {
    line.restore();
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
  void requestsFailCleanlyDuringTheOutageAndTheSessionWorksAgainAfterIt() throws Exception {
    KitClient browser = new KitClient(server.baseUrl());
    assertEquals(200, browser.signIn("demo", "demo").status());
    assertTrue(browser.cookies().containsKey("authjs.session-token"), "signed in before the cut");
    line.cut();

    KitResponse during = browser.get("session").send();
    assertEquals(500, during.status());
    KitBase.assertNoStackTrace(during.body());
    assertTrue(browser.cookies().containsKey("authjs.session-token"), "the session cookie is kept");

    line.restore();

    // Lettuce reconnects in the background within about two seconds: poll for it.
    Instant deadline = Instant.now().plusSeconds(60);
    KitResponse after = browser.get("session").send();
    while (after.status() != 200 && Instant.now().isBefore(deadline)) {
      TimeUnit.MILLISECONDS.sleep(50);
      after = browser.get("session").send();
    }
    assertEquals(200, after.status());
    assertEquals("Demo User", after.json().path("user").path("name").asText());
  }

  @Test
  void listingSessionsDuringTheOutageIsACleanServerErrorAndWorksAgainAfterIt() throws Exception {
    KitClient browser = new KitClient(server.baseUrl());
    assertEquals(200, browser.signIn("demo", "demo").status());
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

    lineIsUp();
    assertEquals(1, store.incrementCounter(key, Duration.ofMinutes(1)).value(), "the failed increment counted nothing");
    assertTrue(store.findSessionRecord(key).isEmpty());
  }

  /** Lettuce reconnects in the background within about two seconds: asks until the answer is 200. */
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
