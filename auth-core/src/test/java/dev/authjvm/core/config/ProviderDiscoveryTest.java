package dev.authjvm.core.config;

import dev.authjvm.core.spi.Environment;
import dev.authjvm.core.error.ConfigurationException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authjvm.core.provider.CredentialsProvider;
import dev.authjvm.core.provider.Provider;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Provider jars are found by ServiceLoader and switched on by their environment variables. */
class ProviderDiscoveryTest {
  static final String SECRET = "0123456789abcdef0123456789abcdef";

  @Test
  void aFactoryOnTheClasspathIsOffWithoutItsVariables() {
    AuthConfig c = AuthConfig.builder().environment(Environment.of(Map.of("AUTH_SECRET", SECRET))).build();
    assertTrue(c.providers().isEmpty());
  }

  @Test
  void aFactoryOnTheClasspathIsOnWithItsVariables() {
    AuthConfig c = AuthConfig.builder().environment(Environment.of(Map.of("AUTH_SECRET", SECRET, "AUTH_TESTPIN_ID", "x")))
        .build();
    assertEquals("testpin", c.providers().stream().map(Provider::id).findFirst().orElseThrow());
  }

  @Test
  void aDiscoveredIdThatClashesWithAnExplicitOneNamesBoth() {
    AuthConfigBuilder b = AuthConfig.builder().environment(Environment.of(Map.of("AUTH_SECRET", SECRET, "AUTH_TESTPIN_ID", "x")))
        .provider(CredentialsProvider.builder().id("testpin").authorize((f, r) -> Optional.empty()).build());
    String msg = assertThrows(ConfigurationException.class, b::build).getMessage();
    assertTrue(msg.contains("explicit configuration") && msg.contains(EnvProviderFactory.class.getName()), msg);
  }

  @Test
  void twoDiscoveredFactoriesWithOneIdFailTheStartNamingBoth() {
    AuthConfigBuilder b = AuthConfig.builder().environment(Environment.of(
        Map.of("AUTH_SECRET", SECRET, "AUTH_TESTPIN_ID", "x", "AUTH_TESTPIN_TWIN", "x")));
    String msg = assertThrows(ConfigurationException.class, b::build).getMessage();
    assertTrue(msg.contains(EnvProviderFactory.class.getName()) && msg.contains(TwinProviderFactory.class.getName()), msg);
  }
}
