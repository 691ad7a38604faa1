package dev.authjvm.spring;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authjvm.core.error.ConfigurationException;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A setting that cannot work stops the start-up with a message that names it. */
class StartupFailureTest {

  static Stream<Arguments> settingsThatCannotWork() {
    String secret = TestProviders.SECRET;
    return Stream.of(
        Arguments.of("a malformed rate limit", Map.of("authjvm.secret", secret, "authjvm.rate-limit", "lots"),
            "authjvm.rate-limit:"),
        Arguments.of("a malformed email rate limit", Map.of("authjvm.secret", secret, "authjvm.email-rate-limit", "often"),
            "authjvm.email-rate-limit:"),
        Arguments.of("a JDBC store without a DataSource", Map.of("authjvm.secret", secret, "authjvm.store", "jdbc",
            "spring.autoconfigure.exclude", "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration"),
            "authjvm.store=jdbc needs exactly one DataSource bean"),
        Arguments.of("an unknown JDBC schema", Map.of("authjvm.secret", secret, "authjvm.store", "jdbc",
            "authjvm.jdbc.schema", "drizzle", "spring.datasource.url", "jdbc:h2:mem:" + UUID.randomUUID()),
            "authjvm.jdbc.schema must be 'native'"),
        // The store refuses the Prisma schema on H2: proof that the property reaches it.
        Arguments.of("the Prisma schema on H2", Map.of("authjvm.secret", secret, "authjvm.store", "jdbc",
            "authjvm.jdbc.schema", "prisma", "spring.datasource.url", "jdbc:h2:mem:" + UUID.randomUUID()),
            "AUTH_JDBC_SCHEMA=prisma needs PostgreSQL or MySQL/MariaDB"),
        Arguments.of("a Redis store without a URL", Map.of("authjvm.secret", secret, "authjvm.store", "redis"),
            "authjvm.store=redis needs authjvm.redis.url"),
        Arguments.of("a malformed protected path", Map.of("authjvm.secret", secret, "authjvm.protected-paths", "/a/**/b/**"),
            "authjvm.protected-paths:"),
        Arguments.of("previous secrets without the current one", Map.of("authjvm.previous-secrets", secret),
            "authjvm.previous-secrets needs authjvm.secret"),
        Arguments.of("a short secret (named by the core)", Map.of("authjvm.secret", "short"),
            "AUTH_SECRET is too short"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("settingsThatCannotWork")
  void isNamedWhenTheApplicationStarts(String what, Map<String, Object> properties, String message) {
    Throwable e = assertThrows(Exception.class, () -> TestApplication.start(properties, TestProviders.credentials()));
    while (!(e instanceof ConfigurationException) && e.getCause() != null) {
      e = e.getCause();
    }
    assertTrue(e instanceof ConfigurationException, "no ConfigurationException in the chain: " + e);
    assertTrue(e.getMessage().startsWith(message), e.getMessage());
  }
}
