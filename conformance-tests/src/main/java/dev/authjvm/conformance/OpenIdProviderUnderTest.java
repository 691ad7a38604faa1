package dev.authjvm.conformance;

import dev.authjvm.oidc.testing.OpenIdProviderLogin;
import java.net.URI;
import java.util.List;

/**
 * The OpenID Provider the OIDC kit ({@link OidcConformanceKit}) checks an adapter against, and the
 * adapter's client registration there. Register a confidential client (code flow; {@code client_secret_basic})
 * with the redirect URIs {@link #redirectUris} and the post-logout redirect URI {@link #postLogoutRedirectUri},
 * and a test user with a name and a verified email address.
 */
public interface OpenIdProviderUnderTest {
  /** The issuer, exactly as its discovery document names it. */
  String issuer();

  String clientId();

  String clientSecret();

  /** The headless user at the provider: how to log in (as the test user), consent and log out there. */
  OpenIdProviderLogin login();

  /** The test user's name, as the provider gives it ({@code name} claim). */
  String userName();

  /** The test user's verified email address. */
  String userEmail();

  /**
   * Called when the adapter serves the kit's configuration at {@code baseUrl} (origin and base path), before
   * any check: a provider started by the test can register the client's redirect URIs now. By default
   * nothing: the client was registered beforehand, for the origin the adapter listens on.
   */
  default void adapterStarted(URI baseUrl) {}

  /** The redirect URIs to register: {@code <baseUrl>/callback/<id>} of the kit's two providers. */
  static List<String> redirectUris(URI baseUrl) {
    return List.of(baseUrl + "/callback/" + OidcConformanceKit.PROVIDER, baseUrl + "/callback/" + OidcConformanceKit.IMPOSTOR);
  }

  /**
   * The back-channel logout URI to register ({@code backchannel_logout_uri}, with
   * {@code backchannel_logout_session_required}): {@code <baseUrl>/backchannel-logout/<id>} of the kit's provider.
   */
  static String backchannelLogoutUri(URI baseUrl) {
    return baseUrl + "/backchannel-logout/" + OidcConformanceKit.PROVIDER;
  }

  /** The post-logout redirect URI to register: the site's root, {@code <origin>/}. */
  static String postLogoutRedirectUri(URI baseUrl) {
    return baseUrl.resolve("/").toString();
  }
}
