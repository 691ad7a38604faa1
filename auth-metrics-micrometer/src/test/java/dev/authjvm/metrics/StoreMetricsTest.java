package dev.authjvm.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.authjvm.conformance.KitConfigs;
import dev.authjvm.conformance.http.KitClient;
import dev.authjvm.store.jdbc.JdbcAuthStore;
import dev.authjvm.testsupport.AuthTestServer;
import dev.authjvm.testsupport.TestDatabases;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Database sessions in PostgreSQL (a schema of this test's own): every store call is timed. */
class StoreMetricsTest {
  SimpleMeterRegistry registry;
  HikariDataSource pool;
  AuthTestServer server;
  KitClient browser;

  @BeforeEach
  void start() {
    registry = new SimpleMeterRegistry();
    pool = TestDatabases.postgres().pool();
    server = AuthTestServer.start(KitConfigs.builder().observer(AuthMetrics.of(registry))
        .store(JdbcAuthStore.builder(pool).createSchema(true).build()).credentialsDatabaseSessions(true).build());
    browser = new KitClient(server.baseUrl());
  }

  @AfterEach
  void stop() {
    server.close();
    pool.close();
  }

  Timer storeCalls(String operation, String outcome) {
    return registry.get(AuthMetrics.STORE_CALLS).tags("operation", operation, "outcome", outcome).timer();
  }

  @Test
  void aSignInAndASessionReadAreTimedByStoreOperation() {
    browser.signIn("demo", "demo");
    browser.get("session").send();

    assertEquals(1, storeCalls("createSession", "success").count());
    Timer read = storeCalls("getSessionAndUser", "success");
    assertEquals(1, read.count());
    assertTrue(read.totalTime(TimeUnit.NANOSECONDS) > 0, "the time of the call is recorded");
    assertTrue(read.max(TimeUnit.NANOSECONDS) > 0, "and its maximum");
    assertEquals(1, registry.get(AuthMetrics.SESSION_READS).tag("signed.in", "true").counter().count());
  }

  @Test
  void aStoreCallThatFailsIsTimedAsAFailure() throws Exception {
    browser.signIn("demo", "demo");
    try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
      s.execute("DROP TABLE auth_session");
    }

    assertEquals(500, browser.get("session").send().status());

    assertEquals(1, storeCalls("getSessionAndUser", "failure").count());
  }
}
