package dev.authjvm.providers.oauth.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.authjvm.core.provider.TokenRefreshException;
import dev.authjvm.core.store.InMemoryAuthStore;
import dev.authjvm.core.user.Account;
import dev.authjvm.core.user.User;
import dev.authjvm.providers.oauth.engine.OAuthProvider;
import dev.authjvm.providers.oauth.engine.Profiles;
import dev.authjvm.testsupport.AuthTestServer;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * OAuth and OIDC sign-in over real HTTP: the core behind Undertow, a real OIDC server (mock-oauth2-server) and a
 * browser with a cookie jar. Sign-ins that must work, work; the rest end on the sign-in page with
 * {@code OAuthCallbackError} and no session.
 */
class OAuthSignInTest {
  static final String CLIENT_ID = "authjvm-client";
  static final InMemoryAuthStore STORE = new InMemoryAuthStore();
  static MockOAuth2Server idp;
  static RogueTokenEndpoint rogue;
  static AuthTestServer app;
  static OAuthProvider oidc;
  static OAuthProvider rogueProvider;

  @BeforeAll
  static void start() {
    idp = MockProviders.startedIdp();
    rogue = new RogueTokenEndpoint();
    oidc = MockProviders.oidc(idp, "mock-oidc", "default");
    app = AuthTestServer.start(MockProviders.appConfig().store(STORE)
        .provider(oidc)
        .provider(MockProviders.plainOAuth2(idp, "mock-oauth", "oauth2"))
        .provider(MockProviders.builder(idp, "mock-formpost", "formpost").formPost(true).build())
        .provider(MockProviders.builder(idp, "mock-hd", "default").authorizationParam("hd", "example.com").build())
        .provider(MockProviders.builder(idp, "mock-apple", "apple-like").formPost(true)
            .profile(p -> new User(Profiles.require(p, "sub"), Profiles.string(p, "user", "name", "firstName"), null,
                null, null))
            .build())
        .provider(rogueProvider = MockProviders.rogue(idp, "rogue", rogue.url()))
        .provider(MockProviders.builder(idp, "mock-narrow", "default").scopes("email").build())
        .provider(dev.authjvm.providers.oauth.engine.OAuthProvider.builder().id("unreachable")
            .issuer("http://127.0.0.1:1/nothing-listens-here").clientId(CLIENT_ID).clientSecret("s").build())
        .build(), AuthTestServer.ECHO_PAGES);
  }

  @AfterAll
  static void stop() {
    app.close();
    rogue.close();
    idp.shutdown();
  }

  /** The next token the server issues for {@code issuerId}: this subject, these claims. */
  static String nextSubject(String issuerId, Map<String, Object> claims, long expiry) {
    String sub = "user-" + UUID.randomUUID();
    idp.enqueueCallback(new DefaultOAuth2TokenCallback(issuerId, sub, "JWT", null, claims, expiry));
    return sub;
  }

  static void assertRejected(Browser browser, HttpResponse<String> callback) {
    assertEquals(302, callback.statusCode(), callback.body());
    assertEquals(app.origin() + "/api/auth/signin?error=OAuthCallbackError", Browser.location(callback));
    assertEquals("null", browser.session(app.origin()));
  }

  @Test
  void anOidcSignInEndsOnTheCallbackUrlWithASessionForTheUser() {
    nextSubject("default", Map.of("name", "Ada Lovelace", "email", "Ada@Example.com", "email_verified", true, "picture",
        "https://img.example/ada.png"), 3600);
    Browser browser = new Browser();
    HttpResponse<String> callback = browser.signIn(app.origin(), "mock-oidc");
    assertEquals(app.origin() + "/welcome", Browser.location(callback));
    String session = browser.session(app.origin());
    assertTrue(session.contains("\"name\":\"Ada Lovelace\"") && session.contains("\"email\":\"ada@example.com\"")
        && session.contains("\"image\":\"https://img.example/ada.png\""), session);
  }

  @Test
  void anAddressTheProviderHasNotVerifiedIsNotTaken() {
    nextSubject("default", Map.of("name", "Mallory", "email", "mallory@example.com", "email_verified", false), 3600);
    Browser browser = new Browser();
    assertEquals(app.origin() + "/welcome", Browser.location(browser.signIn(app.origin(), "mock-oidc")));
    String session = browser.session(app.origin());
    assertTrue(session.contains("\"name\":\"Mallory\"") && !session.contains("email"), session);
  }

  @Test
  void anAddressWithoutAVerifiedClaimIsNotTaken() {
    nextSubject("default", Map.of("name", "Unsure", "email", "unsure@example.com"), 3600);
    Browser browser = new Browser();
    browser.signIn(app.origin(), "mock-oidc");
    assertTrue(!browser.session(app.origin()).contains("unsure@example.com"), browser.session(app.origin()));
  }

  @Test
  void theAccountIsStoredWithTheProvidersTokens() {
    String sub = nextSubject("default", Map.of("email", "tokens@example.com", "email_verified", true), 3600);
    new Browser().signIn(app.origin(), "mock-oidc");
    Account account = STORE.getAccount("mock-oidc", sub).orElseThrow();
    assertEquals("oidc", account.type());
    assertNotNull(account.accessToken());
    assertNotNull(account.idToken());
    assertNotNull(account.refreshToken());
    assertTrue(account.expiresAt() > System.currentTimeMillis() / 1000);
    User owner = STORE.getUserByAccount("mock-oidc", sub).orElseThrow(() -> new AssertionError("no user for the account"));
    assertEquals(owner.id(), account.userId());
    assertEquals("tokens@example.com", owner.email());
  }

  @Test
  void aPlainOAuth2SignInReadsTheProfileFromUserinfo() {
    nextSubject("oauth2", Map.of("name", "Grace Hopper", "email", "grace@example.com"), 3600);
    Browser browser = new Browser();
    assertEquals(app.origin() + "/welcome", Browser.location(browser.signIn(app.origin(), "mock-oauth")));
    assertTrue(browser.session(app.origin()).contains("\"name\":\"Grace Hopper\""));
  }

  @Test
  void aFormPostCallbackSignsIn() {
    nextSubject("formpost", Map.of("name", "Apple Style"), 3600);
    Browser browser = new Browser();
    Browser.Callback callback = browser.toCallback(app.origin(), "mock-formpost");
    assertEquals("form_post", callback.authorizeParam("response_mode"));
    assertTrue(callback.form().containsKey("code"), callback.form().toString());
    assertEquals(app.origin() + "/welcome", Browser.location(browser.complete(callback)));
    assertTrue(browser.session(app.origin()).contains("\"name\":\"Apple Style\""));
  }

  @Test
  void theUserFieldOfAnAppleStyleFormPostReachesTheProfileMapper() {
    Browser browser = new Browser();
    Browser.Callback callback = browser.toCallback(app.origin(), "mock-apple");
    Map<String, String> form = new java.util.LinkedHashMap<>(callback.form());
    form.put("user", "{\"name\":{\"firstName\":\"Tim\",\"lastName\":\"Apple\"}}");
    assertEquals(app.origin() + "/welcome", Browser.location(browser.post(callback.url(), form)));
    assertTrue(browser.session(app.origin()).contains("\"name\":\"Tim\""));
  }

  @Test
  void theAuthorizationRequestCarriesPkceS256StateAndNonce() {
    Map<String, String> q = Browser.query(Browser.location(new Browser().startSignIn(app.origin(), "mock-oidc")));
    assertEquals("S256", q.get("code_challenge_method"));
    assertEquals(43, q.get("code_challenge").length());
    assertTrue(q.get("state").length() >= 43 && q.get("nonce").length() >= 43, q.toString());
    assertEquals("code", q.get("response_type"));
    assertEquals(CLIENT_ID, q.get("client_id"));
    assertEquals("openid profile email", q.get("scope"));
  }

  @Test
  void authorizationParamsArePassedOnButRedirectUriAndStateStayTheServers() {
    Map<String, String> q = Browser.query(Browser.location(new Browser().startSignIn(app.origin(), "mock-oidc",
        "?login_hint=ada&redirect_uri=https%3A%2F%2Fevil.example%2F&state=fixed&client_id=evil")));
    assertEquals("ada", q.get("login_hint"));
    assertEquals(app.origin() + "/api/auth/callback/mock-oidc", q.get("redirect_uri"));
    assertTrue(!"fixed".equals(q.get("state")) && CLIENT_ID.equals(q.get("client_id")), q.toString());
  }

  @Test
  void aConfiguredAuthorizationParamCannotBeReplacedByTheClient() {
    Map<String, String> q = Browser.query(Browser.location(new Browser().startSignIn(app.origin(), "mock-hd",
        "?hd=evil.example&login_hint=ada")));
    assertEquals("example.com", q.get("hd"));
    assertEquals("ada", q.get("login_hint"));
  }

  @Test
  void anOidcProviderConfiguredWithoutOpenidStillAsksForIt() {
    Map<String, String> q = Browser.query(Browser.location(new Browser().startSignIn(app.origin(), "mock-narrow")));
    assertEquals("openid email", q.get("scope"));
  }

  @Test
  void aClientCannotDropOpenidFromAnOidcScope() {
    Map<String, String> q = Browser.query(Browser.location(new Browser().startSignIn(app.origin(), "mock-oidc",
        "?scope=email")));
    assertEquals("openid email", q.get("scope"));
  }

  @Test
  void anUnreachableIssuerEndsOnTheErrorPageWithoutACheckCookie() {
    Browser browser = new Browser();
    HttpResponse<String> r = browser.startSignIn(app.origin(), "unreachable");
    assertEquals(app.origin() + "/api/auth/error?error=Configuration", Browser.location(r));
    assertTrue(r.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith("authjs.state")));
  }

  @Test
  void aCallbackWithAnotherStateIsRejected() {
    Browser browser = new Browser();
    Browser.Callback callback = browser.toCallback(app.origin(), "mock-oidc");
    String forged = callback.url().replace("state=" + callback.param("state"), "state=forged");
    assertRejected(browser, browser.get(forged));
  }

  @Test
  void aCallbackWithoutStateIsRejected() {
    Browser browser = new Browser();
    Browser.Callback callback = browser.toCallback(app.origin(), "mock-oidc");
    assertRejected(browser, browser.get(app.origin() + "/api/auth/callback/mock-oidc?code=" + callback.param("code")));
  }

  @Test
  void aCallbackWithoutThePkceVerifierCookieIsRejected() {
    Browser browser = new Browser();
    Browser.Callback callback = browser.toCallback(app.origin(), "mock-oidc");
    browser.dropCookie("pkce.code_verifier");
    assertRejected(browser, browser.complete(callback));
  }

  @Test
  void aCallbackForAnotherProviderThanTheOneThatStartedIsRejected() {
    Browser browser = new Browser();
    Browser.Callback callback = browser.toCallback(app.origin(), "mock-oidc");
    assertRejected(browser, browser.get(callback.url().replace("/callback/mock-oidc", "/callback/mock-oauth")));
  }

  @Test
  void anIdTokenWithAnotherNonceIsRejectedAndNothingIsStored() {
    String sub = nextSubject("default", Map.of("nonce", "someone-elses-nonce"), 3600);
    Browser browser = new Browser();
    assertRejected(browser, browser.signIn(app.origin(), "mock-oidc"));
    assertTrue(STORE.getUserByAccount("mock-oidc", sub).isEmpty());
  }

  @Test
  void anIdTokenFromAnotherIssuerIsRejectedAndNothingIsStored() {
    String sub = nextSubject("default", Map.of("iss", "https://evil.example"), 3600);
    Browser browser = new Browser();
    assertRejected(browser, browser.signIn(app.origin(), "mock-oidc"));
    assertTrue(STORE.getUserByAccount("mock-oidc", sub).isEmpty());
  }

  @Test
  void anIdTokenForAnotherAudienceIsRejectedAndNothingIsStored() {
    String sub = nextSubject("default", Map.of("aud", List.of("another-client")), 3600);
    Browser browser = new Browser();
    assertRejected(browser, browser.signIn(app.origin(), "mock-oidc"));
    assertTrue(STORE.getUserByAccount("mock-oidc", sub).isEmpty());
  }

  /** An ID token the real server signs for the flow's nonce, with this subject and lifetime. */
  static SignedJWT genuineIdToken(Browser.Callback callback, String sub, long expiry) {
    return idp.issueToken("default", CLIENT_ID, new DefaultOAuth2TokenCallback("default", sub, "JWT",
        List.of(CLIENT_ID), Map.of("nonce", callback.authorizeParam("nonce"), "name", "Rogue Test"), expiry));
  }

  @Test
  void aGenuineIdTokenFromTheRogueEndpointSignsIn() {
    // The control for the forged-token tests below: only the forgery makes them fail.
    Browser browser = new Browser();
    Browser.Callback callback = browser.toCallback(app.origin(), "rogue");
    rogue.answer(genuineIdToken(callback, "rogue-" + UUID.randomUUID(), 3600).serialize());
    assertEquals(app.origin() + "/welcome", Browser.location(browser.complete(callback)));
    assertTrue(browser.session(app.origin()).contains("Rogue Test"));
  }

  @Test
  void aScopeSentAsAJsonArrayIsStoredAsASpaceSeparatedString() {
    // Twitch does this; RFC 6749 says a string.
    Browser browser = new Browser();
    Browser.Callback callback = browser.toCallback(app.origin(), "rogue");
    String sub = "rogue-" + UUID.randomUUID();
    rogue.answer(genuineIdToken(callback, sub, 3600).serialize(), ",\"scope\":[\"openid\",\"user:read:email\"]");
    assertEquals(app.origin() + "/welcome", Browser.location(browser.complete(callback)));
    assertEquals("openid user:read:email", STORE.getAccount("rogue", sub).orElseThrow().scope());
  }

  @Test
  void anErrorInASuccessfulLookingTokenResponseIsRejected() {
    // GitHub answers a bad code with 200 and an error member.
    Browser browser = new Browser();
    Browser.Callback callback = browser.toCallback(app.origin(), "rogue");
    rogue.answerRaw("{\"error\":\"bad_verification_code\",\"error_description\":\"The code is incorrect\"}");
    assertRejected(browser, browser.complete(callback));
  }

  @Test
  void anExpiredIdTokenIsRejectedAndNothingIsStored() {
    Browser browser = new Browser();
    Browser.Callback callback = browser.toCallback(app.origin(), "rogue");
    String sub = "rogue-" + UUID.randomUUID();
    rogue.answer(genuineIdToken(callback, sub, -120).serialize());
    assertRejected(browser, browser.complete(callback));
    assertTrue(STORE.getUserByAccount("rogue", sub).isEmpty());
  }

  /** The signed token with its subject "victim" changed to "attacker" after signing, signature kept. */
  static String victimBecomesAttacker(String jwt) {
    String[] parts = jwt.split("\\.");
    String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
        .replace("\"victim\"", "\"attacker\"");
    return parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
        .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
  }

  @Test
  void anIdTokenWhosePayloadWasChangedAfterSigningIsRejected() {
    Browser browser = new Browser();
    Browser.Callback callback = browser.toCallback(app.origin(), "rogue");
    rogue.answer(victimBecomesAttacker(genuineIdToken(callback, "victim", 3600).serialize()));
    assertRejected(browser, browser.complete(callback));
    assertTrue(STORE.getUserByAccount("rogue", "attacker").isEmpty());
  }

  @Test
  void anUnsignedIdTokenIsRejected() throws Exception {
    Browser browser = new Browser();
    Browser.Callback callback = browser.toCallback(app.origin(), "rogue");
    SignedJWT genuine = genuineIdToken(callback, "unsigned", 3600);
    rogue.answer(new PlainJWT(genuine.getJWTClaimsSet()).serialize());
    assertRejected(browser, browser.complete(callback));
    assertTrue(STORE.getUserByAccount("rogue", "unsigned").isEmpty());
  }

  @Test
  void aReplayedCodeIsRejected() {
    Browser browser = new Browser();
    Browser.Callback callback = browser.toCallback(app.origin(), "mock-oidc");
    Browser attacker = new Browser();
    browser.jar.getCookieStore().getCookies().forEach(c ->
        attacker.jar.getCookieStore().add(app.origin(), (java.net.HttpCookie) c.clone()));
    assertEquals(app.origin() + "/welcome", Browser.location(browser.complete(callback)));
    assertRejected(attacker, attacker.complete(callback));
  }

  @Test
  void anErrorFromTheProviderIsReportedAsOAuthCallbackError() {
    Browser browser = new Browser();
    Browser.Callback callback = browser.toCallback(app.origin(), "mock-oidc");
    assertRejected(browser, browser.get(app.origin() + "/api/auth/callback/mock-oidc?error=access_denied&state="
        + callback.param("state")));
  }

  @Test
  void aCallbackWithNothingInItIsAClientErrorNotAServerError() {
    Browser browser = new Browser();
    assertRejected(browser, browser.get(app.origin() + "/api/auth/callback/mock-oidc?code=%20&state=%00"));
  }

  @Test
  void theRefreshTokenGrantGivesANewAccessToken() {
    String sub = nextSubject("default", Map.of(), 3600);
    new Browser().signIn(app.origin(), "mock-oidc");
    Account account = STORE.getAccount("mock-oidc", sub).orElseThrow();
    var refreshed = oidc.refresh(account.refreshToken());
    assertNotNull(refreshed.accessToken());
    assertTrue(!refreshed.accessToken().equals(account.accessToken()));
  }

  /** An ID token the real server signs as a refresh would return it: no nonce. */
  static String refreshedIdToken(String sub) {
    return idp.issueToken("default", CLIENT_ID, new DefaultOAuth2TokenCallback("default", sub, "JWT",
        List.of(CLIENT_ID), Map.of(), 3600)).serialize();
  }

  @Test
  void aGenuineRefreshedIdTokenWithoutANonceIsAccepted() {
    // The control for the forged refreshed token below: only the forgery makes it fail.
    rogue.answer(refreshedIdToken("refreshed"));
    assertEquals("rogue-access-token", rogueProvider.refresh("a-refresh-token").accessToken());
  }

  @Test
  void aRefreshedIdTokenWhosePayloadWasChangedFailsTheRefresh() {
    rogue.answer(victimBecomesAttacker(refreshedIdToken("victim")));
    assertThrows(TokenRefreshException.class, () -> rogueProvider.refresh("a-refresh-token"));
  }

  @Test
  void theEndSessionUrlIsTheDiscoveredEndpointWithTheIdTokenHint() {
    String url = oidc.endSessionUrl("the.id.token", app.origin() + "/bye").orElseThrow();
    assertTrue(url.startsWith(idp.endSessionEndpointUrl("default").toString() + "?id_token_hint=the.id.token&client_id="
        + CLIENT_ID + "&post_logout_redirect_uri=http%3A%2F%2F127.0.0.1"), url);
  }
}
