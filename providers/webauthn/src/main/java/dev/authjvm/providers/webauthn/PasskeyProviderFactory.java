package dev.authjvm.providers.webauthn;

import dev.authjvm.core.provider.Provider;
import dev.authjvm.core.spi.Environment;
import dev.authjvm.core.spi.ProviderFactory;
import java.util.Optional;

/**
 * Enables passkeys (provider {@code passkey}) when {@code AUTH_PASSKEY=true}. The configuration then needs a
 * store that keeps passkeys; the relying party is the server's trusted origin.
 */
public final class PasskeyProviderFactory implements ProviderFactory {
  @Override
  public Optional<Provider> create(Environment env) {
    return env.flag("AUTH_PASSKEY").filter(on -> on).map(on -> PasskeyProvider.builder().build());
  }
}
