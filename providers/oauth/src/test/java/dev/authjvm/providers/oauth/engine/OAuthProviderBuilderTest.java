package dev.authjvm.providers.oauth.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authjvm.core.error.ConfigurationException;
import dev.authjvm.core.provider.ProviderType;
import dev.authjvm.core.provider.TokenRefreshException;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A provider that cannot work fails at start-up, with a message naming the setting. */
class OAuthProviderBuilderTest {
  static OAuthProviderBuilder oidc() {
    return OAuthProvider.builder().id("idp").issuer("https://idp.example").clientId("id").clientSecret("secret");
  }

  static OAuthProviderBuilder oauth() {
    return OAuthProvider.builder().id("gh").clientId("id").clientSecret("secret")
        .authorizationEndpoint("https://gh.example/authorize").tokenEndpoint("https://gh.example/token")
        .userinfoEndpoint("https://api.gh.example/user");
  }

  static String failure(OAuthProviderBuilder builder) {
    return assertThrows(ConfigurationException.class, builder::build).getMessage();
  }

  @Test
  void anIssuerMakesAnOidcProviderWithPkceStateAndNonce() {
    OAuthProvider p = oidc().build();
    assertEquals(ProviderType.OIDC, p.type());
    assertEquals(Set.of(Check.PKCE, Check.STATE, Check.NONCE), p.checks());
  }

  @Test
  void explicitEndpointsWithoutIssuerMakeAnOAuthProviderWithPkceAndState() {
    OAuthProvider p = oauth().build();
    assertEquals(ProviderType.OAUTH, p.type());
    assertEquals(Set.of(Check.PKCE, Check.STATE), p.checks());
  }

  @Test
  void aMissingClientIdIsNamed() {
    assertTrue(failure(oidc().clientId(null)).contains("clientId"));
  }

  @Test
  void aMissingClientSecretIsNamed() {
    assertTrue(failure(oidc().clientSecret(" ")).contains("clientSecret"));
  }

  @Test
  void neitherIssuerNorAuthorizationEndpointIsRefused() {
    assertTrue(failure(OAuthProvider.builder().id("x").clientId("a").clientSecret("b")).contains("issuer"));
  }

  @Test
  void explicitEndpointsNeedATokenEndpoint() {
    assertTrue(failure(OAuthProvider.builder().id("x").clientId("a").clientSecret("b")
        .authorizationEndpoint("https://x.example/a").userinfoEndpoint("https://x.example/u")).contains("tokenEndpoint"));
  }

  @Test
  void plainOAuthNeedsAUserinfoEndpoint() {
    assertTrue(failure(OAuthProvider.builder().id("x").clientId("a").clientSecret("b")
        .authorizationEndpoint("https://x.example/a").tokenEndpoint("https://x.example/t")).contains("userinfoEndpoint"));
  }

  @Test
  void explicitOidcEndpointsNeedTheJwksUri() {
    assertTrue(failure(oauth().type(ProviderType.OIDC).issuer("https://gh.example")).contains("jwksUri"));
  }

  @Test
  void aRelativeEndpointIsRefusedWithItsSettingName() {
    assertTrue(assertThrows(ConfigurationException.class, () -> oauth().tokenEndpoint("/token")).getMessage()
        .contains("tokenEndpoint"));
  }

  @Test
  void anIdThatIsNotAUrlSegmentIsRefused() {
    assertTrue(failure(oidc().id("My IdP")).contains("My IdP"));
  }

  @Test
  void algorithmNoneIsNeverAccepted() {
    assertTrue(assertThrows(ConfigurationException.class, () -> oidc().idTokenAlgorithms("none")).getMessage()
        .contains("none"));
  }

  @Test
  void hmacIdTokensAreNotAccepted() {
    assertThrows(ConfigurationException.class, () -> oidc().idTokenAlgorithms("HS256"));
  }

  @Test
  void noChecksAtAllIsRefused() {
    assertTrue(failure(oidc().checks()).contains("checks"));
  }

  @Test
  void aFixedAuthorizationParamCannotReplaceWhatTheServerSets() {
    assertTrue(assertThrows(ConfigurationException.class, () -> oidc().authorizationParam("redirect_uri", "x"))
        .getMessage().contains("redirect_uri"));
  }

  @Test
  void aRefreshThatCannotReachTheTokenEndpointIsATokenRefreshException() {
    OAuthProvider p = oauth().tokenEndpoint("http://127.0.0.1:1/token").build();
    assertTrue(assertThrows(TokenRefreshException.class, () -> p.refresh("rt")).getMessage().startsWith("gh: "));
  }

  @Test
  void withoutAnEndSessionEndpointThereIsNoFederatedSignOut() {
    assertTrue(oauth().build().endSessionUrl("id.token", "https://app.example/").isEmpty());
  }

  @Test
  void anExplicitEndSessionEndpointGetsTheHintAndTheReturnAddress() {
    String url = oauth().endSessionEndpoint("https://gh.example/logout?x=1").build()
        .endSessionUrl("id.token", "https://app.example/").orElseThrow();
    assertEquals("https://gh.example/logout?x=1&id_token_hint=id.token&client_id=id&post_logout_redirect_uri="
        + "https%3A%2F%2Fapp.example%2F", url);
  }

  @Test
  void backChannelLogoutNeedsAnOidcProvider() {
    assertTrue(failure(oauth().backChannelLogout(true)).contains("backChannelLogout"));
  }

  @Test
  void backChannelLogoutIsOffUnlessConfigured() {
    assertFalse(oidc().build().acceptsBackChannelLogout());
    assertTrue(oidc().backChannelLogout(true).build().acceptsBackChannelLogout());
  }
}
