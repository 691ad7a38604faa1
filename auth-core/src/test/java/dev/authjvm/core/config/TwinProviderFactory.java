package dev.authjvm.core.config;

import dev.authjvm.core.spi.Environment;
import dev.authjvm.core.provider.CredentialsProvider;
import dev.authjvm.core.provider.Provider;
import dev.authjvm.core.spi.ProviderFactory;
import java.util.Optional;

/** A second provider jar that claims the id {@code testpin} too, when {@code AUTH_TESTPIN_TWIN} is set. */
public final class TwinProviderFactory implements ProviderFactory {
  @Override
  public Optional<Provider> create(Environment environment) {
    return environment.get("AUTH_TESTPIN_TWIN").map(id -> CredentialsProvider.builder().id("testpin").name("Twin")
        .authorize((f, r) -> Optional.empty()).build());
  }
}
