package dev.authjvm.conformance;

import dev.authjvm.core.config.AuthConfigBuilder;
import dev.authjvm.core.store.InMemoryAuthStore;

/** The whole kit on the Undertow adapter with database sessions (the core's reference store). */
class DatabaseSessionConformanceTest extends UndertowConformanceTest {
  @Override
  protected AuthConfigBuilder customize(AuthConfigBuilder builder) {
    return builder.store(new InMemoryAuthStore()).credentialsDatabaseSessions(true);
  }
}
