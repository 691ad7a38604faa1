package dev.authjvm.providers.oauth.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import dev.authjvm.core.callback.Callbacks;
import dev.authjvm.core.provider.InvalidLogoutTokenException;
import dev.authjvm.core.provider.LogoutToken;
import dev.authjvm.oidc.testing.OidcProviderDevLogin;
import dev.authjvm.oidc.testing.UserAgent;
import dev.authjvm.providers.oauth.engine.OAuthProvider;
import dev.authjvm.testsupport.AuthTestServer;
import java.net.URI;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The provider's part of OpenID Connect Back-Channel Logout: a logout token the certified provider
 * really sends (captured at the client's {@code backchannel_logout_uri} when the user logs out there) is
 * accepted and names what to end; every invalid variant is refused. The invalid tokens are the real one
 * tampered with, sent to another client, or re-signed with the provider's key with one claim changed, so
 * that the change alone is what makes each of them fail (the unchanged re-signed token is accepted).
 */
class CertifiedProviderLogoutTokenTest {
  static final String OTHER_CLIENT = "authjvm-other-rp";
  static final List<String> ID_TOKENS = new CopyOnWriteArrayList<>();
  static CertifiedProvider op;
  static AuthTestServer app;
  static OAuthProvider accepting;
  static OAuthProvider notOptedIn;
  /** The logout token the provider sent to this client, and the one it sent to the other client. */
  static String sent;
  static String sentToOtherClient;
  static String signInSid;

  @BeforeAll
  static void start() throws Exception {
    op = new CertifiedProvider();
    accepting = op.provider("op", CertifiedProvider.CLIENT_ID).backChannelLogout(true).build();
    notOptedIn = op.provider("op-plain", CertifiedProvider.CLIENT_ID).build();
    app = AuthTestServer.start(MockProviders.appConfig().provider(accepting).provider(notOptedIn)
        .provider(op.provider("op-other", OTHER_CLIENT).build())
        .callbacks(Callbacks.DEFAULTS.withJwt(p -> {
          if (p.account() != null) {
            ID_TOKENS.add(p.account().idToken());
          }
          return p.token();
        })).build(), AuthTestServer.ECHO_PAGES);
    op.start(op.configure().client(op.client(CertifiedProvider.CLIENT_ID, app.origin(), "op", "op-plain"))
        .client(op.client(OTHER_CLIENT, app.origin(), "op-other")));

    // One user signs in to both clients in one browser, then logs out at the provider: it tells both.
    UserAgent atProvider = new UserAgent();
    CertifiedProvider.signIn(new Browser(), app.origin(), atProvider, "leaving", "op", "");
    String idToken = ID_TOKENS.get(ID_TOKENS.size() - 1);
    signInSid = JWTParser.parse(idToken).getJWTClaimsSet().getStringClaim("sid");
    CertifiedProvider.signIn(new Browser(), app.origin(), atProvider, "leaving", "op-other", "");
    String endSession = accepting.endSessionUrl(idToken, app.origin() + "/bye").orElseThrow();
    OidcProviderDevLogin.as("leaving").endSession(atProvider, URI.create(endSession));
    for (int i = 0; i < 2; i++) {
      String token = op.nextLogoutToken();
      if (JWTParser.parse(token).getJWTClaimsSet().getAudience().contains(OTHER_CLIENT)) {
        sentToOtherClient = token;
      } else {
        sent = token;
      }
    }
  }

  @AfterAll
  static void stop() throws Exception {
    if (app != null) {
      app.close();
    }
    op.close();
  }

  /** The token the provider sent, with its claims changed and signed again with the provider's key. */
  static String resigned(UnaryOperator<JWTClaimsSet.Builder> change) throws Exception {
    return op.sign(change.apply(new JWTClaimsSet.Builder(JWTParser.parse(sent).getJWTClaimsSet())).build(), "logout+jwt");
  }

  static void assertRefused(String token) {
    assertThrows(InvalidLogoutTokenException.class, () -> accepting.verifyLogoutToken(token));
  }

  @Test
  void theTokenTheProviderSentNamesTheUserAndTheSignInsSession() {
    LogoutToken token = accepting.verifyLogoutToken(sent);
    assertEquals("leaving", token.subject());
    assertNotNull(signInSid, "the ID token carried a sid");
    assertEquals(signInSid, token.sessionId());
    assertNotNull(token.tokenId());
    assertTrue(token.expires().isAfter(Instant.now()), token.toString());
    assertFalse(token.expires().isAfter(Instant.now().plusSeconds(5 * 60 + 10)),
        "its jti need not be remembered longer than the token is accepted: " + token);
  }

  @Test
  void aProviderAcceptsBackChannelLogoutOnlyWhenConfiguredTo() {
    assertTrue(accepting.acceptsBackChannelLogout());
    assertFalse(notOptedIn.acceptsBackChannelLogout());
    assertThrows(InvalidLogoutTokenException.class, () -> notOptedIn.verifyLogoutToken(sent));
  }

  @Test
  void theSentTokenSignedAgainUnchangedIsAccepted() throws Exception {
    // The control for the re-signed variants below: re-signing alone changes nothing.
    assertEquals("leaving", accepting.verifyLogoutToken(resigned(b -> b)).subject());
  }

  @Test
  void aTokenWhoseSignatureWasTamperedWithIsRefused() {
    String[] parts = sent.split("\\.");
    char last = parts[2].charAt(parts[2].length() - 2);
    assertRefused(parts[0] + "." + parts[1] + "." + parts[2].substring(0, parts[2].length() - 2)
        + (last == 'A' ? 'B' : 'A') + parts[2].charAt(parts[2].length() - 1));
  }

  @Test
  void aTokenSignedWithAnotherKeyIsRefused() throws Exception {
    SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(op.signingKey.getKeyID()).build(),
        JWTParser.parse(sent).getJWTClaimsSet());
    forged.sign(new RSASSASigner(new RSAKeyGenerator(2048).generate()));
    assertRefused(forged.serialize());
  }

  @Test
  void aTokenTheProviderSentToAnotherClientIsRefused() {
    assertRefused(sentToOtherClient);
  }

  @Test
  void aTokenFromAnotherIssuerIsRefused() throws Exception {
    assertRefused(resigned(b -> b.issuer("https://evil.example")));
  }

  @Test
  void aTokenWithANonceIsRefused() throws Exception {
    assertRefused(resigned(b -> b.claim("nonce", "an-id-token-s-nonce")));
  }

  @Test
  void aTokenWithoutTheBackChannelLogoutEventIsRefused() throws Exception {
    assertRefused(resigned(b -> b.claim("events", null)));
  }

  @Test
  void aTokenWithAnotherEventIsRefused() throws Exception {
    assertRefused(resigned(b -> b.claim("events", java.util.Map.of("http://schemas.openid.net/event/other", java.util.Map.of()))));
  }

  @Test
  void aTokenWithNeitherSubNorSidIsRefused() throws Exception {
    assertRefused(resigned(b -> b.subject(null).claim("sid", null)));
  }

  @Test
  void anExpiredTokenIsRefused() throws Exception {
    assertRefused(resigned(b -> b.issueTime(ago(120)).expirationTime(ago(60))));
  }

  @Test
  void aTokenIssuedLongerAgoThanTheWindowIsRefusedThoughUnexpired() throws Exception {
    assertRefused(resigned(b -> b.issueTime(ago(10 * 60)).expirationTime(ago(-3600))));
  }

  @Test
  void aTokenIssuedInTheFutureIsRefused() throws Exception {
    assertRefused(resigned(b -> b.issueTime(ago(-5 * 60)).expirationTime(ago(-3600))));
  }

  @Test
  void aTokenWithoutAJtiIsRefused() throws Exception {
    assertRefused(resigned(b -> b.jwtID(null)));
  }

  @Test
  void somethingThatIsNoJwtIsRefused() {
    assertRefused("not-a-token");
    assertRefused("");
  }

  static Date ago(long seconds) {
    return Date.from(Instant.now().minusSeconds(seconds));
  }

}
