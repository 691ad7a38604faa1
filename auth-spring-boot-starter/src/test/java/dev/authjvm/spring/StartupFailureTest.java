package dev.authjvm.spring;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authjvm.core.config.ConfigurationException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A setting that cannot work stops the start-up with a message that names it. */
class StartupFailureTest {

  private static String failureOf(Map<String, Object> properties) {
    Throwable e = assertThrows(Exception.class, () -> TestApplication.start(properties, TestProviders.credentials()));
    while (!(e instanceof ConfigurationException) && e.getCause() != null) {
      e = e.getCause();
    }
    assertTrue(e instanceof ConfigurationException, "no ConfigurationException in the chain: " + e);
    return e.getMessage();
  }

  @Test
  void aMalformedRateLimitIsNamed() {
    String message = failureOf(Map.of("authjvm.secret", TestProviders.SECRET, "authjvm.rate-limit", "lots"));
    assertTrue(message.startsWith("authjvm.rate-limit:"), message);
  }

  @Test
  void aMalformedEmailRateLimitIsNamed() {
    String message = failureOf(Map.of("authjvm.secret", TestProviders.SECRET, "authjvm.email-rate-limit", "often"));
    assertTrue(message.startsWith("authjvm.email-rate-limit:"), message);
  }

  @Test
  void aJdbcStoreWithoutADataSourceIsNamed() {
    String message = failureOf(Map.of("authjvm.secret", TestProviders.SECRET, "authjvm.store", "jdbc",
        "spring.autoconfigure.exclude", "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration"));
    assertTrue(message.contains("authjvm.store=jdbc needs exactly one DataSource bean"), message);
  }

  @Test
  void aRedisStoreWithoutAUrlIsNamed() {
    String message = failureOf(Map.of("authjvm.secret", TestProviders.SECRET, "authjvm.store", "redis"));
    assertTrue(message.contains("authjvm.redis.url"), message);
  }

  @Test
  void aMalformedProtectedPathIsNamed() {
    String message = failureOf(Map.of("authjvm.secret", TestProviders.SECRET, "authjvm.protected-paths", "/a/**/b/**"));
    assertTrue(message.startsWith("authjvm.protected-paths:"), message);
  }

  @Test
  void previousSecretsWithoutTheCurrentOneAreNamed() {
    String message = failureOf(Map.of("authjvm.previous-secrets", TestProviders.SECRET));
    assertTrue(message.startsWith("authjvm.previous-secrets needs authjvm.secret"), message);
  }

  @Test
  void aShortSecretIsNamedByTheCore() {
    String message = failureOf(Map.of("authjvm.secret", "short"));
    assertTrue(message.contains("AUTH_SECRET is too short"), message);
  }
}
