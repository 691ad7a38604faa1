package dev.authjvm.store.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authjvm.conformance.KitConfigs;
import dev.authjvm.conformance.http.KitClient;
import dev.authjvm.testsupport.AuthTestServer;
import dev.authjvm.testsupport.TestRedis;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Redis as the shared store of a deployment: two instances behave as one, and sessions outlive the
 * application process.
 */
class RedisDeploymentTest {
  final String prefix = TestRedis.keyPrefix("deploy");

  AuthTestServer instance(RedisAuthStore store) {
    return AuthTestServer.start(KitConfigs.builder().store(store).credentialsDatabaseSessions(true).build());
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
}
