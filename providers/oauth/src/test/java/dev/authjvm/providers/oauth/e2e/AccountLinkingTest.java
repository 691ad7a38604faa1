package dev.authjvm.providers.oauth.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authjvm.core.config.Pages;
import dev.authjvm.core.store.InMemoryAuthStore;
import dev.authjvm.testsupport.AuthTestServer;
import java.util.Map;
import java.util.UUID;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Account linking with real OIDC sign-ins and a store: returning users, linking, and email collisions. */
class AccountLinkingTest {
  static final InMemoryAuthStore STORE = new InMemoryAuthStore();
  static MockOAuth2Server idp;
  static AuthTestServer app;

  @BeforeAll
  static void start() {
    idp = MockProviders.startedIdp();
    app = AuthTestServer.start(MockProviders.appConfig().store(STORE).pages(new Pages(null, null, null, null, "/new-user"))
        .provider(MockProviders.oidc(idp, "idp-a", "issuer-a"))
        .provider(MockProviders.oidc(idp, "idp-b", "issuer-b"))
        .provider(MockProviders.builder(idp, "idp-trusting", "issuer-c").allowDangerousEmailAccountLinking(true).build())
        .build(), AuthTestServer.ECHO_PAGES);
  }

  @AfterAll
  static void stop() {
    app.close();
    idp.shutdown();
  }

  /** The next sign-in at {@code issuerId} is this subject with this address. */
  static String next(String issuerId, String sub, String email) {
    return next(issuerId, sub, email, true);
  }

  static String next(String issuerId, String sub, String email, boolean verified) {
    idp.enqueueCallback(new DefaultOAuth2TokenCallback(issuerId, sub, "JWT", null,
        Map.of("email", email, "email_verified", verified), 3600));
    return sub;
  }

  static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID();
  }

  static String userOf(String provider, String sub) {
    return STORE.getUserByAccount(provider, sub).orElseThrow(() -> new AssertionError("no user for " + sub)).id();
  }

  @Test
  void aNewUserGoesToTheNewUserPageAndAReturningOneDoesNot() {
    String sub = next("issuer-a", unique("a"), unique("new") + "@example.com");
    assertTrue(Browser.location(new Browser().signIn(app.origin(), "idp-a")).startsWith(app.origin() + "/new-user?callbackUrl="));
    String firstUser = userOf("idp-a", sub);
    next("issuer-a", sub, "changed@example.com");
    assertEquals(app.origin() + "/welcome", Browser.location(new Browser().signIn(app.origin(), "idp-a")));
    assertEquals(firstUser, userOf("idp-a", sub));
  }

  @Test
  void aSecondProviderSignedInWhileSignedInIsLinkedToTheSameUser() {
    Browser browser = new Browser();
    String a = next("issuer-a", unique("a"), unique("linker") + "@example.com");
    browser.signIn(app.origin(), "idp-a");
    String b = next("issuer-b", unique("b"), unique("elsewhere") + "@example.com");
    assertEquals(app.origin() + "/welcome", Browser.location(browser.signIn(app.origin(), "idp-b")));
    assertEquals(userOf("idp-a", a), userOf("idp-b", b));
  }

  @Test
  void anotherProvidersAccountWithAKnownEmailIsNotLinkedWhileSignedOut() {
    String email = unique("shared") + "@example.com";
    next("issuer-a", unique("a"), email);
    new Browser().signIn(app.origin(), "idp-a");
    String b = next("issuer-b", unique("b"), email);
    Browser stranger = new Browser();
    assertEquals(app.origin() + "/api/auth/signin?error=OAuthAccountNotLinked",
        Browser.location(stranger.signIn(app.origin(), "idp-b")));
    assertEquals("null", stranger.session(app.origin()));
    assertTrue(STORE.getUserByAccount("idp-b", b).isEmpty());
  }

  @Test
  void anUnverifiedAddressNeverLinksToTheUserWhoOwnsIt() {
    String email = unique("victim") + "@example.com";
    String victim = next("issuer-a", unique("a"), email);
    new Browser().signIn(app.origin(), "idp-a");
    String attacker = next("issuer-c", unique("c"), email, false);
    Browser browser = new Browser();
    browser.signIn(app.origin(), "idp-trusting");
    assertNotEquals(userOf("idp-a", victim), userOf("idp-trusting", attacker));
    assertNull(STORE.getUser(userOf("idp-trusting", attacker)).orElseThrow().email());
  }

  @Test
  void anAddressThatOnlyUnicodeCaseFoldingMakesEqualIsAnotherAddress() {
    // The Kelvin sign lower-cases to "k": folded, a look-alike address at the provider would be the victim's.
    String local = unique("kelvin");
    String victim = next("issuer-a", unique("a"), local + "@example.com");
    new Browser().signIn(app.origin(), "idp-a");
    String lookAlike = next("issuer-c", unique("c"), "\u212A" + local.substring(1) + "@example.com");
    new Browser().signIn(app.origin(), "idp-trusting");
    assertNotEquals(userOf("idp-a", victim), userOf("idp-trusting", lookAlike));
  }

  @Test
  void aProviderThatAllowsDangerousLinkingJoinsTheUserWithThatEmail() {
    String email = unique("trusted") + "@example.com";
    String a = next("issuer-a", unique("a"), email);
    new Browser().signIn(app.origin(), "idp-a");
    String c = next("issuer-c", unique("c"), email);
    assertEquals(app.origin() + "/welcome", Browser.location(new Browser().signIn(app.origin(), "idp-trusting")));
    assertEquals(userOf("idp-a", a), userOf("idp-trusting", c));
  }
}
