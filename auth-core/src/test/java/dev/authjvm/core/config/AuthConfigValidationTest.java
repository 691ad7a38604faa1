package dev.authjvm.core.config;

import dev.authjvm.core.spi.Environment;
import dev.authjvm.core.error.ConfigurationException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authjvm.core.provider.CredentialsProvider;
import dev.authjvm.core.provider.RegisteredCredential;
import dev.authjvm.core.provider.WebAuthnCeremony;
import dev.authjvm.core.provider.WebAuthnProvider;
import dev.authjvm.core.provider.WebAuthnUserEntity;
import dev.authjvm.core.store.AuthStore;
import dev.authjvm.core.store.Authenticator;
import dev.authjvm.core.store.InMemoryAuthStore;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The builder fails at start-up with a message naming the setting. */
class AuthConfigValidationTest {
  static final String SECRET = "0123456789abcdef0123456789abcdef";

  static AuthConfigBuilder withEnv(Map<String, String> env) {
    return AuthConfig.builder().environment(Environment.of(env)).discoverProviders(false);
  }

  static String failure(AuthConfigBuilder b) {
    return assertThrows(ConfigurationException.class, b::build).getMessage();
  }

  @Test
  void aMissingSecretNamesAuthSecret() {
    assertTrue(failure(withEnv(Map.of())).startsWith("AUTH_SECRET is not set"));
  }

  @Test
  void aShortSecretNamesAuthSecret() {
    assertTrue(failure(withEnv(Map.of("AUTH_SECRET", "short"))).startsWith("AUTH_SECRET is too short (5 characters)"));
  }

  @Test
  void numberedSecretsArePrependedSoTheHighestEncrypts() {
    AuthConfig c = withEnv(Map.of("AUTH_SECRET", SECRET + "0", "AUTH_SECRET_1", SECRET + "1", "AUTH_SECRET_2", SECRET + "2")).build();
    assertEquals(List.of(SECRET + "2", SECRET + "1", SECRET + "0"), c.secrets());
  }

  @Test
  void theBasePathComesFromTheAuthUrlPath() {
    AuthConfig c = withEnv(Map.of("AUTH_SECRET", SECRET, "AUTH_URL", "https://example.com/auth/v1/")).build();
    assertEquals("/auth/v1", c.basePath());
  }

  @Test
  void aBasePathThatContradictsAuthUrlFails() {
    assertTrue(failure(withEnv(Map.of("AUTH_SECRET", SECRET, "AUTH_URL", "https://example.com/auth")).basePath("/api/auth"))
        .contains("AUTH_URL"));
  }

  @Test
  void aMalformedAuthUrlFails() {
    assertTrue(failure(withEnv(Map.of("AUTH_SECRET", SECRET, "AUTH_URL", "ftp://example.com"))).startsWith("AUTH_URL"));
  }

  @Test
  void aNonBooleanTrustHostFails() {
    assertTrue(failure(withEnv(Map.of("AUTH_SECRET", SECRET, "AUTH_TRUST_HOST", "maybe"))).startsWith("AUTH_TRUST_HOST"));
  }

  @Test
  void theDefaultsAreThoseOfAuthJs() {
    AuthConfig c = withEnv(Map.of("AUTH_SECRET", SECRET)).build();
    assertEquals("/api/auth", c.basePath());
    assertEquals(ProtocolVersion.V5, c.protocol());
    assertEquals(Duration.ofDays(30), c.sessionMaxAge());
    assertEquals(Duration.ofHours(24), c.sessionUpdateAge());
    assertEquals(SessionStrategy.JWT, c.sessionStrategy());
  }

  @Test
  void aDuplicateProviderIdNamesBothSources() {
    CredentialsProvider p = CredentialsProvider.builder().authorize((c, r) -> Optional.empty()).build();
    String msg = failure(withEnv(Map.of("AUTH_SECRET", SECRET)).provider(p).provider(p));
    assertTrue(msg.contains("'credentials' is defined twice"), msg);
  }

  @Test
  void aDatabaseStrategyWithoutAStoreFails() {
    assertTrue(failure(withEnv(Map.of("AUTH_SECRET", SECRET)).sessionStrategy(SessionStrategy.DATABASE))
        .contains("needs a store"));
  }

  @Test
  void aRelativeCustomPageMustStartWithASlash() {
    assertTrue(failure(withEnv(Map.of("AUTH_SECRET", SECRET)).pages(new Pages("login", null, null, null, null)))
        .startsWith("pages.signIn"));
  }

  /** A passkey provider whose ceremonies are never reached: start-up fails before any request. */
  static WebAuthnProvider passkeys() {
    return new WebAuthnProvider() {
      @Override public String id() { return "passkey"; }
      @Override public String name() { return "Passkey"; }
      @Override public Map<String, Object> registrationOptions(WebAuthnCeremony c, WebAuthnUserEntity u, List<Authenticator> e) {
        throw new UnsupportedOperationException();
      }
      @Override public Map<String, Object> authenticationOptions(WebAuthnCeremony c, List<Authenticator> a) {
        throw new UnsupportedOperationException();
      }
      @Override public RegisteredCredential verifyRegistration(String json, WebAuthnCeremony c) {
        throw new UnsupportedOperationException();
      }
      @Override public long verifyAuthentication(String json, WebAuthnCeremony c, Authenticator stored) {
        throw new UnsupportedOperationException();
      }
    };
  }

  @Test
  void aWebAuthnProviderWithoutAStoreFailsNamingTheProviderAndTheStoreSetting() {
    String msg = failure(withEnv(Map.of("AUTH_SECRET", SECRET)).provider(passkeys()));
    assertTrue(msg.startsWith("WebAuthn provider 'passkey'") && msg.contains("no store is configured")
        && msg.contains("store(...)"), msg);
  }

  @Test
  void aWebAuthnProviderWithAStoreThatKeepsNoPasskeysFailsNamingAuthenticatorStore() {
    InMemoryAuthStore memory = new InMemoryAuthStore();
    AuthStore withoutPasskeys = (AuthStore) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {AuthStore.class}, (proxy, method, args) -> method.invoke(memory, args));
    String msg = failure(withEnv(Map.of("AUTH_SECRET", SECRET)).provider(passkeys()).store(withoutPasskeys));
    assertTrue(msg.contains("does not implement AuthenticatorStore"), msg);
  }

  @Test
  void aWebAuthnProviderWithAStoreThatKeepsPasskeysStarts() {
    assertEquals(List.of("passkey"), withEnv(Map.of("AUTH_SECRET", SECRET)).provider(passkeys())
        .store(new InMemoryAuthStore()).build().providers().stream().map(p -> p.id()).toList());
  }
}
