package dev.authjvm.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authjvm.core.Auth;
import dev.authjvm.core.config.AuthConfig;
import dev.authjvm.core.provider.CredentialsProvider;
import dev.authjvm.core.ratelimit.FixedWindowRateLimiter;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The session, upgrade and rate-limit properties reach the configuration as their variables would. */
class SessionPropertiesTest {

  static AuthConfig configWith(Map<String, Object> properties) {
    Map<String, Object> all = new HashMap<>(properties);
    all.put("authjvm.secret", TestProviders.SECRET);
    // A username field, which a rate limit counts attempts by.
    CredentialsProvider withUsername = CredentialsProvider.builder().field("username", "Username", "text", "")
        .authorize((form, request) -> Optional.empty()).build();
    try (TestApplication.Running app = TestApplication.start(all, withUsername)) {
      return app.context().getBean(Auth.class).config();
    }
  }

  @Test
  void sessionLifetimesAreBound() {
    AuthConfig config = configWith(Map.of("authjvm.session.short-max-age", "7200",
        "authjvm.session.absolute-max-age", "43200"));
    assertEquals(Duration.ofHours(2), config.sessionShortMaxAge());
    assertEquals(Duration.ofHours(12), config.sessionAbsoluteMaxAge().orElseThrow());
  }

  @Test
  void theV4UpgradeIsBound() {
    assertTrue(configWith(Map.of("authjvm.upgrade-v4-sessions", "true")).upgradeV4Sessions());
    assertFalse(configWith(Map.of()).upgradeV4Sessions());
  }

  @Test
  void aRateLimitWithoutAStoreIsCountedInThisJvm() {
    AuthConfig config = configWith(Map.of("authjvm.rate-limit", "5/m"));
    assertTrue(config.credentialsRateLimiter() instanceof FixedWindowRateLimiter, config.credentialsRateLimiter().toString());
    assertEquals("5 per PT1M", config.credentialsRateLimiter().toString());
  }
}
