package dev.authjvm.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.authjvm.conformance.KitConfigs;
import dev.authjvm.conformance.http.KitClient;
import dev.authjvm.core.config.AuthConfig;
import dev.authjvm.testsupport.AuthTestServer;
import dev.authjvm.testsupport.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Two application instances that share a secret and a PostgreSQL store behave as one. */
class ScaleOutTest {
  static HikariDataSource poolA;
  static HikariDataSource poolB;
  static AuthTestServer a;
  static AuthTestServer b;

  @BeforeAll
  static void startTwoInstances() {
    TestDatabases.Database db = TestDatabases.postgres();
    poolA = db.pool();
    poolB = db.pool();
    a = AuthTestServer.start(config(JdbcAuthStore.builder(poolA).createSchema(true).build()));
    b = AuthTestServer.start(config(JdbcAuthStore.builder(poolB).build()));
  }

  static AuthConfig config(JdbcAuthStore store) {
    return KitConfigs.builder().store(store).credentialsDatabaseSessions(true).build();
  }

  @AfterAll
  static void stop() {
    a.close();
    b.close();
    poolA.close();
    poolB.close();
  }

  /** The same browser, talking to whichever instance the load balancer picks. */
  static KitClient[] browserOnBoth() {
    return new KitClient[] {new KitClient(a.baseUrl()), new KitClient(b.baseUrl())};
  }

  static void carryCookies(KitClient from, KitClient to) {
    to.cookies().clear();
    to.cookies().putAll(from.cookies());
  }

  @Test
  void aSessionCreatedOnOneInstanceIsValidOnTheOther() {
    KitClient[] browser = browserOnBoth();
    assertEquals(200, browser[0].signIn("demo", "demo").status());
    carryCookies(browser[0], browser[1]);
    assertEquals("Demo User", browser[1].get("session").send().json().path("user").path("name").asText());
  }

  @Test
  void signingOutOnOneInstanceEndsTheSessionOnBoth() {
    KitClient[] browser = browserOnBoth();
    browser[0].signIn("demo", "demo");
    KitClient stolenCopy = new KitClient(a.baseUrl());
    carryCookies(browser[0], stolenCopy);
    carryCookies(browser[0], browser[1]);

    String csrf = browser[1].csrfToken();
    browser[1].post("signout").header("X-Auth-Return-Redirect", "1")
        .form(java.util.Map.of("csrfToken", csrf)).send();

    // Even a copy of the old cookie sent to the other instance no longer signs anyone in.
    assertTrue(stolenCopy.get("session").send().json().isNull());
  }
}
