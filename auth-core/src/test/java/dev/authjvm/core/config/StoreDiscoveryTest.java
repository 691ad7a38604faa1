package dev.authjvm.core.config;

import dev.authjvm.core.spi.Environment;
import dev.authjvm.core.error.ConfigurationException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authjvm.core.store.AuthStore;
import dev.authjvm.core.store.InMemoryAuthStore;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A store jar on the classpath plus its settings in the environment is enough for database sessions. */
class StoreDiscoveryTest {
  static AuthConfigBuilder builder(Map<String, String> env) {
    return AuthConfig.builder().secret("a-test-secret-that-is-long-enough-for-auth").environment(Environment.of(env))
        .discoverProviders(false);
  }

  @Test
  void aStoreJarWhoseSettingsAreSetSuppliesTheStoreAndDatabaseSessions() {
    AuthConfig config = builder(Map.of("AUTH_TESTSTORE_A", "x")).build();
    assertTrue(config.store().isPresent());
    assertEquals(SessionStrategy.DATABASE, config.sessionStrategy());
  }

  @Test
  void withoutItsSettingsAStoreJarDoesNothing() {
    AuthConfig config = builder(Map.of()).build();
    assertTrue(config.store().isEmpty());
    assertEquals(SessionStrategy.JWT, config.sessionStrategy());
  }

  @Test
  void twoConfiguredStoreJarsFailAtStartUpNamingBoth() {
    var e = assertThrows(ConfigurationException.class,
        () -> builder(Map.of("AUTH_TESTSTORE_A", "x", "AUTH_TESTSTORE_B", "y")).build());
    assertTrue(e.getMessage().contains("EnvStoreFactories$First") && e.getMessage().contains("EnvStoreFactories$Second"),
        e.getMessage());
  }

  @Test
  void anExplicitStoreWinsOverDiscovery() {
    InMemoryAuthStore mine = new InMemoryAuthStore();
    assertSame(mine, builder(Map.of("AUTH_TESTSTORE_A", "x", "AUTH_TESTSTORE_B", "y")).store(mine).build().store().orElseThrow());
  }

  @Test
  void discoveryCanBeTurnedOff() {
    assertTrue(builder(Map.of("AUTH_TESTSTORE_A", "x")).discoverStore(false).build().store().isEmpty());
  }

  @Test
  void aDiscoveredStoreIsClosedWhenALaterCheckFails() {
    EnvStoreFactories.CLOSED.clear();
    // Credentials with database sessions need an opt-in: the check after discovery fails.
    assertThrows(ConfigurationException.class, () -> builder(Map.of("AUTH_TESTSTORE_A", "x"))
        .provider(dev.authjvm.core.provider.CredentialsProvider.builder().authorize((f, r) -> java.util.Optional.empty())
            .build()).build());
    assertEquals(java.util.List.of("AUTH_TESTSTORE_A"), EnvStoreFactories.CLOSED);
  }

  @Test
  void twoConfiguredStoreJarsAreBothClosed() {
    EnvStoreFactories.CLOSED.clear();
    assertThrows(ConfigurationException.class, () -> builder(Map.of("AUTH_TESTSTORE_A", "x", "AUTH_TESTSTORE_B", "y")).build());
    assertTrue(EnvStoreFactories.CLOSED.containsAll(java.util.List.of("AUTH_TESTSTORE_A", "AUTH_TESTSTORE_B")));
  }

  @Test
  void closingAuthClosesTheStoreItDiscoveredButNotOneItWasGiven() {
    EnvStoreFactories.CLOSED.clear();
    dev.authjvm.core.Auth.create(builder(Map.of("AUTH_TESTSTORE_A", "x")).build()).close();
    assertEquals(java.util.List.of("AUTH_TESTSTORE_A"), EnvStoreFactories.CLOSED);
    EnvStoreFactories.CLOSED.clear();
    AuthStore given = EnvStoreFactories.closeRecording("given");
    dev.authjvm.core.Auth.create(builder(Map.of()).store(given).build()).close();
    assertEquals(java.util.List.of(), EnvStoreFactories.CLOSED);
  }
}
