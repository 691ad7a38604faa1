package dev.authjvm.providers.oauth.preset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authjvm.core.config.AuthConfig;
import dev.authjvm.core.error.ConfigurationException;
import dev.authjvm.core.spi.Environment;
import dev.authjvm.core.provider.Provider;
import dev.authjvm.core.provider.RedirectFlowProvider;
import dev.authjvm.core.spi.ProviderFactory;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every preset is found by ServiceLoader and switched on by its environment variables only. */
class PresetFactoryTest {
  static final String SECRET = "a-preset-test-secret-that-is-long-enough";

  static Stream<PresetFactory> presets() {
    return ServiceLoader.load(ProviderFactory.class).stream().map(ServiceLoader.Provider::get)
        .filter(PresetFactory.class::isInstance).map(PresetFactory.class::cast);
  }

  /** The variables that enable a preset: id, secret, and an issuer where one is read. */
  static Map<String, String> enabling(PresetFactory f) {
    String prefix = PresetFactory.envPrefix(f.providerId());
    Map<String, String> env = new HashMap<>(Map.of(prefix + "_ID", "client-id", prefix + "_SECRET", "client-secret"));
    if (f.issuer() == PresetFactory.Issuer.REQUIRED) {
      env.put(prefix + "_ISSUER", "https://tenant.example.com/");
    }
    return env;
  }

  @Test
  void allTwentyPresetsAreRegistered() {
    Set<String> ids = presets().map(PresetFactory::providerId).collect(Collectors.toSet());
    assertEquals(Set.of("github", "google", "gitlab", "microsoft-entra-id", "apple", "discord", "facebook", "linkedin",
        "slack", "twitch", "auth0", "okta", "keycloak", "cognito", "spotify", "twitter", "zitadel", "authentik",
        "bitbucket", "atlassian"), ids);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("presets")
  void aPresetIsOffWithoutItsVariables(PresetFactory factory) {
    assertTrue(factory.create(Environment.of(Map.of())).isEmpty());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("presets")
  void aPresetIsOnWithItsVariables(PresetFactory factory) {
    Provider p = factory.create(Environment.of(enabling(factory))).orElseThrow();
    assertEquals(factory.providerId(), p.id());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("presets")
  void anIdWithoutASecretNamesTheMissingVariable(PresetFactory factory) {
    String prefix = PresetFactory.envPrefix(factory.providerId());
    Map<String, String> env = enabling(factory);
    env.remove(prefix + "_SECRET");
    String msg = assertThrows(ConfigurationException.class, () -> factory.create(Environment.of(env))).getMessage();
    assertTrue(msg.contains(prefix + "_SECRET"), msg);
  }

  @Test
  void aTenantPresetWithoutItsIssuerNamesTheVariable() {
    String msg = assertThrows(ConfigurationException.class, () -> new Keycloak.Factory().create(Environment.of(
        Map.of("AUTH_KEYCLOAK_ID", "a", "AUTH_KEYCLOAK_SECRET", "b")))).getMessage();
    assertTrue(msg.contains("AUTH_KEYCLOAK_ISSUER"), msg);
  }

  @Test
  void aMalformedIssuerNamesTheVariable() {
    String msg = assertThrows(ConfigurationException.class, () -> new Okta.Factory().create(Environment.of(
        Map.of("AUTH_OKTA_ID", "a", "AUTH_OKTA_SECRET", "b", "AUTH_OKTA_ISSUER", "not a url")))).getMessage();
    assertTrue(msg.contains("AUTH_OKTA_ISSUER"), msg);
  }

  @Test
  void anOidcPresetAcceptsBackChannelLogoutWhenItsVariableSaysSo() {
    Map<String, String> env = new HashMap<>(Map.of("AUTH_KEYCLOAK_ID", "a", "AUTH_KEYCLOAK_SECRET", "b",
        "AUTH_KEYCLOAK_ISSUER", "https://kc.example/realms/r"));
    assertFalse(((RedirectFlowProvider) new Keycloak.Factory().create(Environment.of(env)).orElseThrow())
        .acceptsBackChannelLogout());
    env.put("AUTH_KEYCLOAK_BACKCHANNEL_LOGOUT", "true");
    assertTrue(((RedirectFlowProvider) new Keycloak.Factory().create(Environment.of(env)).orElseThrow())
        .acceptsBackChannelLogout());
  }

  @Test
  void backChannelLogoutForAnOAuth2PresetNamesTheVariable() {
    String msg = assertThrows(ConfigurationException.class, () -> new GitHub.Factory().create(Environment.of(
        Map.of("AUTH_GITHUB_ID", "a", "AUTH_GITHUB_SECRET", "b", "AUTH_GITHUB_BACKCHANNEL_LOGOUT", "1")))).getMessage();
    assertTrue(msg.contains("AUTH_GITHUB_BACKCHANNEL_LOGOUT"), msg);
  }

  @Test
  void theConfigurationDiscoversAPresetFromTheEnvironment() {
    AuthConfig config = AuthConfig.builder().secret(SECRET).environment(Environment.of(
        Map.of("AUTH_GITHUB_ID", "a", "AUTH_GITHUB_SECRET", "b", "AUTH_GOOGLE_ID", "c", "AUTH_GOOGLE_SECRET", "d")))
        .discoverStore(false).build();
    assertEquals(List.of("github", "google"), config.providers().stream().map(Provider::id).sorted().toList());
  }
}
