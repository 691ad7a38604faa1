package dev.authjvm.conformance;

import dev.authjvm.oidc.testing.NodeServer;
import dev.authjvm.oidc.testing.OidcProviderDevLogin;
import dev.authjvm.oidc.testing.OidcProviderServer;
import dev.authjvm.oidc.testing.OpenIdProviderLogin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * The OIDC kit's OpenID Provider in this repository: the certified npm {@code oidc-provider}, started when
 * the adapter is (its client's redirect URIs name the adapter's port), on a port chosen beforehand so the
 * issuer is known to the configuration. Shared through the test-jar, for every adapter's OIDC kit run.
 */
public final class CertifiedOidcProvider implements OpenIdProviderUnderTest, AutoCloseable {
  private static final String LOGIN = "kit-user";
  private final int port;
  private OidcProviderServer server;

  public CertifiedOidcProvider() {
    try {
      port = NodeServer.freePort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String issuer() {
    return "http://127.0.0.1:" + port;
  }

  @Override
  public String clientId() {
    return "conformance-kit-rp";
  }

  @Override
  public String clientSecret() {
    return "conformance-kit-rp-secret";
  }

  @Override
  public OpenIdProviderLogin login() {
    return OidcProviderDevLogin.as(LOGIN);
  }

  @Override
  public String userName() {
    return "Kit User";
  }

  @Override
  public String userEmail() {
    return "kit-user@example.test";
  }

  /** Starts the provider with the client registered for the adapter at {@code baseUrl} (restarting it if it ran). */
  @Override
  public void adapterStarted(URI baseUrl) {
    try {
      close();
      server = OidcProviderServer.on(port)
          .client(new OidcProviderServer.Client(clientId(), clientSecret(), OpenIdProviderUnderTest.redirectUris(baseUrl),
              List.of(OpenIdProviderUnderTest.postLogoutRedirectUri(baseUrl)),
              OpenIdProviderUnderTest.backchannelLogoutUri(baseUrl)))
          .account(LOGIN, Map.of("name", userName(), "email", userEmail(), "email_verified", true))
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (server != null) {
      server.close();
      server = null;
    }
  }
}
