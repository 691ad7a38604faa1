package dev.authjvm.core.config;

import dev.authjvm.core.spi.Environment;
import dev.authjvm.core.provider.CredentialsProvider;
import dev.authjvm.core.provider.Provider;
import dev.authjvm.core.spi.ProviderFactory;
import java.util.Optional;

/** A provider jar in miniature: enabled only when {@code AUTH_TESTPIN_ID} is set. */
public final class EnvProviderFactory implements ProviderFactory {
  @Override
  public Optional<Provider> create(Environment environment) {
    return environment.get("AUTH_TESTPIN_ID").map(id -> CredentialsProvider.builder().id("testpin").name("Pin")
        .authorize((f, r) -> Optional.empty()).build());
  }
}
