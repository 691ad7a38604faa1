package dev.authjvm.core;

import static dev.authjvm.core.TestBrowser.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.authjvm.core.config.AuthConfigBuilder;
import dev.authjvm.core.internal.codec.UriComponent;
import dev.authjvm.core.provider.FlowRequest;
import dev.authjvm.core.provider.FlowStep;
import dev.authjvm.core.provider.ProviderType;
import dev.authjvm.core.provider.RedirectFlowProvider;
import dev.authjvm.core.user.Account;
import dev.authjvm.core.user.User;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Opt-in sign-out through the OIDC provider's end-session endpoint. */
class FederatedSignOutTest {
  static final String ORIGIN = "http://localhost";

  static AuthConfigBuilder builder() {
    return AuthFixtures.builder().provider(new OidcLikeProvider());
  }

  static Map<String, Object> signOut(TestBrowser b, String callbackUrl) {
    return json(b.post("/api/auth/signout", Map.of("csrfToken", b.csrfToken(), "callbackUrl", callbackUrl),
        "X-Auth-Return-Redirect", "1"));
  }

  @Test
  void signOutGoesThroughTheProvidersEndSessionEndpointBackToTheCallbackUrl() {
    TestBrowser b = new TestBrowser(Auth.create(builder().federatedSignOut(true).build()), ORIGIN);
    b.get("/api/auth/callback/oidc?code=x");
    assertEquals("https://idp.example/logout?id_token_hint=the-id-token&post_logout_redirect_uri="
        + UriComponent.encode(ORIGIN + "/bye"), signOut(b, "/bye").get("url"));
    assertFalse(b.cookies.containsKey("authjs.session-token"), "our session ends as well");
  }

  @Test
  void offByDefaultSignOutGoesStraightToTheCallbackUrl() {
    TestBrowser b = new TestBrowser(Auth.create(builder().build()), ORIGIN);
    b.get("/api/auth/callback/oidc?code=x");
    assertEquals(ORIGIN + "/bye", signOut(b, "/bye").get("url"));
  }

  @Test
  void aCredentialsSessionHasNoProviderToSignOutOf() {
    TestBrowser b = new TestBrowser(Auth.create(builder().federatedSignOut(true).build()), ORIGIN);
    b.signIn("demo", "demo");
    assertEquals(ORIGIN + "/bye", signOut(b, "/bye").get("url"));
  }

  @Test
  void anotherOriginAsCallbackUrlIsNotPassedToTheProvider() {
    TestBrowser b = new TestBrowser(Auth.create(builder().federatedSignOut(true).build()), ORIGIN);
    b.get("/api/auth/callback/oidc?code=x");
    assertEquals("https://idp.example/logout?id_token_hint=the-id-token&post_logout_redirect_uri="
        + UriComponent.encode(ORIGIN), signOut(b, "https://evil.example/").get("url"));
  }

  record OidcLikeProvider() implements RedirectFlowProvider {
    @Override public String id() { return "oidc"; }
    @Override public String name() { return "OIDC"; }
    @Override public ProviderType type() { return ProviderType.OIDC; }

    @Override
    public FlowStep start(FlowRequest request) {
      return new FlowStep.Redirect("https://idp.example/authorize", List.of());
    }

    @Override
    public FlowStep callback(FlowRequest request) {
      Account account = new Account(null, "oidc", "oidc", "9", "at", "Bearer", "the-id-token", null, "openid", null, null);
      return new FlowStep.Authenticated(new User("9", "Nine", "nine@example.com", null, null), account, Map.of(), List.of());
    }

    @Override
    public Optional<String> endSessionUrl(String idToken, String postLogoutRedirectUri) {
      return Optional.of("https://idp.example/logout?id_token_hint=" + idToken + "&post_logout_redirect_uri="
          + UriComponent.encode(postLogoutRedirectUri));
    }
  }
}
