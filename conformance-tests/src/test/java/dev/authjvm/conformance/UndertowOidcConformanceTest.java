package dev.authjvm.conformance;

import dev.authjvm.core.config.AuthConfig;
import dev.authjvm.testsupport.AuthTestServer;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;

/** The OIDC kit against {@code auth-adapter-undertow} and the certified {@code oidc-provider}. */
class UndertowOidcConformanceTest extends OidcConformanceKit {
  private static final CertifiedOidcProvider PROVIDER = new CertifiedOidcProvider();
  private AuthTestServer server;

  @Override
  protected URI start(AuthConfig config) {
    server = AuthTestServer.start(config);
    return server.origin();
  }

  @Override
  protected void stop() {
    server.close();
  }

  @Override
  protected OpenIdProviderUnderTest openIdProvider() {
    return PROVIDER;
  }

  @AfterAll
  static void stopTheProvider() throws InterruptedException {
    PROVIDER.close();
  }
}
