package dev.authjvm.store.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authjvm.conformance.KitConfigs;
import dev.authjvm.conformance.http.KitClient;
import dev.authjvm.conformance.store.SharedStoreChecks;
import dev.authjvm.core.config.SessionStrategy;
import dev.authjvm.testsupport.AuthTestServer;
import dev.authjvm.testsupport.TestRedis;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Redis as the shared store of a deployment: two instances behave as one (a session, a sign-out and a
 * revocation made on one hold on the other, with database and with JWT sessions, and the sign-in limit counts
 * the attempts made on both), and sessions outlive the application process.
 */
class RedisDeploymentTest {
  /** Failed sign-ins allowed per username and hour, across the instances. */
  static final int LIMIT = 3;
  final String prefix = TestRedis.keyPrefix("deploy");

  AuthTestServer instance(RedisAuthStore store) {
    return instance(store, SessionStrategy.DATABASE);
  }

  AuthTestServer instance(RedisAuthStore store, SessionStrategy strategy) {
    return AuthTestServer.start(KitConfigs.builder().store(store).credentialsDatabaseSessions(true)
        .sessionStrategy(strategy).credentialsRateLimit(LIMIT + "/h").build());
  }

  RedisAuthStore store() {
    return RedisAuthStore.builder(TestRedis.url()).keyPrefix(prefix).build();
  }

  static void carryCookies(KitClient from, KitClient to) {
    to.cookies().clear();
    to.cookies().putAll(from.cookies());
  }

  @Test
  void aSessionCreatedOnOneInstanceIsValidOnTheOtherAndSigningOutOnEitherEndsIt() throws Exception {
    try (RedisAuthStore storeA = store(); RedisAuthStore storeB = store();
         AuthTestServer a = instance(storeA); AuthTestServer b = instance(storeB)) {
      KitClient onA = new KitClient(a.baseUrl());
      KitClient onB = new KitClient(b.baseUrl());
      onA.signIn("demo", "demo");
      carryCookies(onA, onB);
      assertEquals("Demo User", onB.get("session").send().json().path("user").path("name").asText());

      onB.post("signout").header("X-Auth-Return-Redirect", "1").form(Map.of("csrfToken", onB.csrfToken())).send();

      assertTrue(onA.get("session").send().json().isNull());
    }
  }

  @Test
  void aSessionSurvivesARestartOfTheApplication() throws Exception {
    KitClient browser;
    Map<String, String> cookies;
    try (RedisAuthStore store = store(); AuthTestServer first = instance(store)) {
      browser = new KitClient(first.baseUrl());
      browser.signIn("demo", "demo");
      cookies = Map.copyOf(browser.cookies());
    }
    try (RedisAuthStore store = store(); AuthTestServer restarted = instance(store)) {
      KitClient same = new KitClient(restarted.baseUrl());
      same.cookies().putAll(cookies);
      assertEquals("Demo User", same.get("session").send().json().path("user").path("name").asText());
    }
  }

  @Test
  void aDatabaseSessionRevokedOnOneInstanceEndsOnTheOther() throws Exception {
    try (RedisAuthStore storeA = store(); RedisAuthStore storeB = store();
         AuthTestServer a = instance(storeA); AuthTestServer b = instance(storeB)) {
      SharedStoreChecks.aRevocationOnOneInstanceEndsTheSessionOnTheOther(a.baseUrl(), b.baseUrl());
    }
  }

  @Test
  void aJwtSessionRevokedOnOneInstanceEndsOnTheOther() throws Exception {
    try (RedisAuthStore storeA = store(); RedisAuthStore storeB = store();
         AuthTestServer a = instance(storeA, SessionStrategy.JWT); AuthTestServer b = instance(storeB, SessionStrategy.JWT)) {
      SharedStoreChecks.aRevocationOnOneInstanceEndsTheSessionOnTheOther(a.baseUrl(), b.baseUrl());
    }
  }

  @Test
  void theSignInLimitCountsTheAttemptsMadeOnBothInstances() throws Exception {
    try (RedisAuthStore storeA = store(); RedisAuthStore storeB = store();
         AuthTestServer a = instance(storeA); AuthTestServer b = instance(storeB)) {
      SharedStoreChecks.theSignInLimitCountsTheAttemptsMadeOnBothInstances(a.baseUrl(), b.baseUrl(), LIMIT);
    }
  }
}
