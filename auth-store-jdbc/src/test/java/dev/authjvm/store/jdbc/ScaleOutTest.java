package dev.authjvm.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.authjvm.conformance.KitConfigs;
import dev.authjvm.conformance.http.KitClient;
import dev.authjvm.conformance.store.SharedStoreChecks;
import dev.authjvm.core.config.SessionStrategy;
import dev.authjvm.testsupport.AuthTestServer;
import dev.authjvm.testsupport.TestDatabases;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two application instances that share a secret and a PostgreSQL store behave as one: a session, a sign-out
 * and a revocation made on one hold on the other, with database sessions and with JWT sessions, and the
 * sign-in limit counts the attempts made on both.
 */
class ScaleOutTest {
  /** Failed sign-ins allowed per username and hour, across the instances. */
  static final int LIMIT = 3;
  static final List<AutoCloseable> OPEN = new ArrayList<>();
  static AuthTestServer a;
  static AuthTestServer b;
  static AuthTestServer jwtA;
  static AuthTestServer jwtB;

  @BeforeAll
  static void startTwoInstancesOfEachStrategy() {
    TestDatabases.Database db = TestDatabases.postgres();
    HikariDataSource poolA = open(db.pool());
    HikariDataSource poolB = open(db.pool());
    a = instance(open(JdbcAuthStore.builder(poolA).createSchema(true).build()), SessionStrategy.DATABASE);
    b = instance(open(JdbcAuthStore.builder(poolB).build()), SessionStrategy.DATABASE);
    jwtA = instance(open(JdbcAuthStore.builder(poolA).build()), SessionStrategy.JWT);
    jwtB = instance(open(JdbcAuthStore.builder(poolB).build()), SessionStrategy.JWT);
  }

  static <T extends AutoCloseable> T open(T resource) {
    OPEN.add(0, resource);
    return resource;
  }

  static AuthTestServer instance(JdbcAuthStore store, SessionStrategy strategy) {
    return open(AuthTestServer.start(KitConfigs.builder().store(store).credentialsDatabaseSessions(true)
        .sessionStrategy(strategy).credentialsRateLimit(LIMIT + "/h").build()));
  }

  @AfterAll
  static void stop() throws Exception {
    for (AutoCloseable resource : OPEN) {
      resource.close();
    }
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

  @Test
  void aDatabaseSessionRevokedOnOneInstanceEndsOnTheOther() {
    SharedStoreChecks.aRevocationOnOneInstanceEndsTheSessionOnTheOther(a.baseUrl(), b.baseUrl());
  }

  @Test
  void aJwtSessionRevokedOnOneInstanceEndsOnTheOther() {
    SharedStoreChecks.aRevocationOnOneInstanceEndsTheSessionOnTheOther(jwtA.baseUrl(), jwtB.baseUrl());
  }

  @Test
  void theSignInLimitCountsTheAttemptsMadeOnBothInstances() {
    SharedStoreChecks.theSignInLimitCountsTheAttemptsMadeOnBothInstances(a.baseUrl(), b.baseUrl(), LIMIT);
  }
}
