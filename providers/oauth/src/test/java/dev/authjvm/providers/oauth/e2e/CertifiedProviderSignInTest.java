package dev.authjvm.providers.oauth.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.JWTParser;
import dev.authjvm.core.callback.Callbacks;
import dev.authjvm.core.callback.JwtParams;
import dev.authjvm.oidc.testing.ImpostorUserinfo;
import dev.authjvm.oidc.testing.OidcProviderDevLogin;
import dev.authjvm.oidc.testing.UserAgent;
import dev.authjvm.providers.oauth.engine.Check;
import dev.authjvm.testsupport.AuthTestServer;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sign-in and RP-initiated sign-out against a certified OpenID Provider in its default claim settings:
 * the code flow's ID token has only {@code sub} (and {@code sid}), UserInfo has the profile. The provider
 * requires PKCE, so every sign-in here that succeeds proved it.
 */
class CertifiedProviderSignInTest {
  static final List<JwtParams> SIGN_INS = new CopyOnWriteArrayList<>();
  static CertifiedProvider op;
  static ImpostorUserinfo impostor;
  static AuthTestServer app;

  @BeforeAll
  static void start() throws Exception {
    op = new CertifiedProvider();
    impostor = new ImpostorUserinfo(op.issuer, "someone-else");
    app = AuthTestServer.start(MockProviders.appConfig().federatedSignOut(true)
        .provider(op.provider("op", CertifiedProvider.CLIENT_ID).build())
        .provider(op.provider("op-no-pkce", CertifiedProvider.CLIENT_ID).checks(Check.STATE, Check.NONCE).build())
        .provider(op.provider("op-impostor", CertifiedProvider.CLIENT_ID).userinfoEndpoint(impostor.url()).build())
        .callbacks(Callbacks.DEFAULTS.withJwt(p -> {
          if (p.account() != null) {
            SIGN_INS.add(p);
          }
          return p.token();
        })).build(), AuthTestServer.ECHO_PAGES);
    op.start(op.configure().client(op.client(CertifiedProvider.CLIENT_ID, app.origin(), "op", "op-no-pkce", "op-impostor"))
        .account("ada", Map.of("name", "Ada Lovelace", "email", "ada@example.test", "email_verified", true)));
  }

  @AfterAll
  static void stop() throws Exception {
    if (app != null) {
      app.close();
    }
    op.close();
    impostor.close();
  }

  static HttpResponse<String> signIn(Browser browser, UserAgent atProvider, String login, String provider, String params) {
    return CertifiedProvider.signIn(browser, app.origin(), atProvider, login, provider, params);
  }

  static void assertRejected(Browser browser, HttpResponse<String> callback) {
    assertEquals(app.origin() + "/api/auth/signin?error=OAuthCallbackError", Browser.location(callback));
    assertEquals("null", browser.session(app.origin()));
  }

  static JwtParams lastSignIn() {
    return SIGN_INS.get(SIGN_INS.size() - 1);
  }

  @Test
  void theSessionShowsTheNameAndEmailThatOnlyUserInfoHas() throws Exception {
    Browser browser = new Browser();
    assertEquals(app.origin() + "/welcome", Browser.location(signIn(browser, new UserAgent(), "ada", "op", "")));
    String session = browser.session(app.origin());
    assertTrue(session.contains("\"name\":\"Ada Lovelace\"") && session.contains("\"email\":\"ada@example.test\""), session);
    Map<String, Object> idToken = JWTParser.parse(lastSignIn().account().idToken()).getJWTClaimsSet().getClaims();
    assertFalse(idToken.containsKey("name") || idToken.containsKey("email"), "the ID token has no profile: " + idToken);
  }

  @Test
  void theIdTokensSidIsInTheProfileHandedToTheCore() throws Exception {
    signIn(new Browser(), new UserAgent(), "sid-user", "op", "");
    JwtParams signIn = lastSignIn();
    Object sid = JWTParser.parse(signIn.account().idToken()).getJWTClaimsSet().getClaim("sid");
    assertNotNull(sid, "the provider put a sid in the ID token");
    assertEquals(sid, signIn.profile().get("sid"));
    assertEquals("sid-user", signIn.profile().get("sub"));
  }

  @Test
  void aUserInfoAnswerAboutAnotherSubjectIsRefused() {
    Browser browser = new Browser();
    assertRejected(browser, signIn(browser, new UserAgent(), "ada", "op-impostor", ""));
  }

  @Test
  void theProviderRefusesAFlowWithoutPkce() {
    Browser browser = new Browser();
    assertRejected(browser, signIn(browser, new UserAgent(), "ada", "op-no-pkce", ""));
  }

  @Test
  void whileTheProvidersSessionLastsASilentSignInSucceeds() {
    UserAgent atProvider = new UserAgent();
    signIn(new Browser(), atProvider, "silent", "op", "");
    Browser secondSite = new Browser();
    assertEquals(app.origin() + "/welcome", Browser.location(signIn(secondSite, atProvider, "silent", "op", "?prompt=none")));
    assertTrue(secondSite.session(app.origin()).contains("User silent"), secondSite.session(app.origin()));
  }

  @Test
  void signOutSendsTheBrowserToTheEndSessionEndpointWithTheIdTokenHintAndTheClientId() {
    Browser browser = new Browser();
    signIn(browser, new UserAgent(), "leaving", "op", "");
    Map<String, String> q = Browser.query(Browser.location(browser.post(app.origin() + "/api/auth/signout",
        Map.of("csrfToken", browser.csrfToken(app.origin()), "callbackUrl", app.origin() + "/bye"))));
    assertEquals(lastSignIn().account().idToken(), q.get("id_token_hint"));
    assertEquals(CertifiedProvider.CLIENT_ID, q.get("client_id"));
    assertEquals(app.origin() + "/bye", q.get("post_logout_redirect_uri"));
  }

  @Test
  void rpInitiatedSignOutEndsTheProvidersSession() {
    UserAgent atProvider = new UserAgent();
    Browser browser = new Browser();
    signIn(browser, atProvider, "leaving", "op", "");
    String endSession = Browser.location(browser.post(app.origin() + "/api/auth/signout",
        Map.of("csrfToken", browser.csrfToken(app.origin()), "callbackUrl", app.origin() + "/bye")));
    URI back = OidcProviderDevLogin.as("leaving").endSession(atProvider, URI.create(endSession));
    assertEquals(app.origin() + "/bye", back.toString());
    Browser again = new Browser();
    assertRejected(again, signIn(again, atProvider, "leaving", "op", "?prompt=none"));
  }
}
