package dev.authjvm.providers.oauth.preset;

import dev.authjvm.core.error.ConfigurationException;
import dev.authjvm.core.spi.Environment;
import dev.authjvm.core.provider.Provider;
import dev.authjvm.core.spi.ProviderFactory;
import dev.authjvm.core.provider.ProviderType;
import dev.authjvm.providers.oauth.engine.OAuthProvider;
import dev.authjvm.providers.oauth.engine.OAuthProviderBuilder;
import java.util.Locale;
import java.util.Optional;

/**
 * What every preset's factory does: answer only when {@code AUTH_<ID>_ID} and {@code AUTH_<ID>_SECRET}
 * are set, read {@code AUTH_<ID>_ISSUER} where the provider lives at a tenant- or host-specific URL,
 * accept back-channel logout from an OpenID Connect provider when {@code AUTH_<ID>_BACKCHANNEL_LOGOUT} is
 * true, and name the variable when one is missing or wrong.
 */
public abstract class PresetFactory implements ProviderFactory {
  /** Whether the preset reads {@code AUTH_<ID>_ISSUER}. */
  public enum Issuer { NONE, OPTIONAL, REQUIRED }

  private final String id;
  private final Issuer issuer;

  protected PresetFactory(String id, Issuer issuer) {
    this.id = id;
    this.issuer = issuer;
  }

  /** The preset's builder, without client credentials; {@code issuer} is null unless configured. */
  protected abstract OAuthProviderBuilder preset(String issuer);

  /** {@code AUTH_MICROSOFT_ENTRA_ID} for {@code microsoft-entra-id}. */
  public static String envPrefix(String providerId) {
    return "AUTH_" + providerId.toUpperCase(Locale.ROOT).replace('-', '_');
  }

  public String providerId() {
    return id;
  }

  public Issuer issuer() {
    return issuer;
  }

  @Override
  public Optional<Provider> create(Environment env) {
    String prefix = envPrefix(id);
    Optional<String> clientId = env.get(prefix + "_ID");
    Optional<String> secret = env.get(prefix + "_SECRET");
    if (clientId.isEmpty() && secret.isEmpty()) {
      return Optional.empty();
    }
    if (clientId.isEmpty() || secret.isEmpty()) {
      throw new ConfigurationException((clientId.isEmpty() ? prefix + "_ID" : prefix + "_SECRET")
          + " is not set, but " + (clientId.isEmpty() ? prefix + "_SECRET" : prefix + "_ID") + " is: set both to enable "
          + id + ", or neither");
    }
    Optional<String> issuerUrl = issuer == Issuer.NONE ? Optional.empty() : env.get(prefix + "_ISSUER");
    if (issuer == Issuer.REQUIRED && issuerUrl.isEmpty()) {
      throw new ConfigurationException(prefix + "_ISSUER is required for " + id + " (its tenant's issuer URL)");
    }
    boolean backChannelLogout = env.flag(prefix + "_BACKCHANNEL_LOGOUT").orElse(false);
    OAuthProviderBuilder builder = preset(issuerUrl.orElse(null)).clientId(clientId.get()).clientSecret(secret.get());
    OAuthProvider provider;
    try {
      provider = builder.build();
    } catch (ConfigurationException e) {
      throw new ConfigurationException(prefix + "_ISSUER / " + prefix + "_ID: " + e.getMessage());
    }
    if (!backChannelLogout) {
      return Optional.of(provider);
    }
    if (provider.type() != ProviderType.OIDC) {
      throw new ConfigurationException(prefix + "_BACKCHANNEL_LOGOUT is set, but " + id
          + " is an OAuth 2 provider: back-channel logout needs OpenID Connect");
    }
    return Optional.of(builder.backChannelLogout(true).build());
  }
}
