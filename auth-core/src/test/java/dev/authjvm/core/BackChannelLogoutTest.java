package dev.authjvm.core;

import static dev.authjvm.core.TestBrowser.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import dev.authjvm.core.callback.AuthEvents;
import dev.authjvm.core.config.AuthConfigBuilder;
import dev.authjvm.core.config.SessionStrategy;
import dev.authjvm.core.http.AuthResponse;
import dev.authjvm.core.provider.FlowRequest;
import dev.authjvm.core.provider.FlowStep;
import dev.authjvm.core.provider.InvalidLogoutTokenException;
import dev.authjvm.core.provider.LogoutToken;
import dev.authjvm.core.provider.ProviderType;
import dev.authjvm.core.provider.RedirectFlowProvider;
import dev.authjvm.core.session.RevocationCause;
import dev.authjvm.core.session.SessionInfo;
import dev.authjvm.core.store.InMemoryAuthStore;
import dev.authjvm.core.user.Account;
import dev.authjvm.core.user.User;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /backchannel-logout/:provider}: the identity provider ends the sessions signed in with it,
 * by its session id or its subject; anything invalid or replayed is 400 and ends nothing.
 */
class BackChannelLogoutTest {
  static final String ORIGIN = "http://localhost";
  final MutableClock clock = new MutableClock();
  final InMemoryAuthStore store = new InMemoryAuthStore(clock);
  final List<String> revoked = new ArrayList<>();

  /**
   * Signs in the {@code sub} of the callback's query with an ID token holding its {@code sid}; takes
   * logout tokens of the form {@code sub|sid|jti} (an empty part is absent) and refuses "forged".
   */
  record LoggingOutProvider(String id, boolean acceptsBackChannelLogout) implements RedirectFlowProvider {
    @Override
    public String name() {
      return id;
    }

    @Override
    public ProviderType type() {
      return ProviderType.OIDC;
    }

    @Override
    public FlowStep start(FlowRequest request) {
      return new FlowStep.Redirect("https://idp.example/authorize", List.of());
    }

    @Override
    public FlowStep callback(FlowRequest request) {
      String sub = request.query().get("sub");
      String idToken = new PlainJWT(new JWTClaimsSet.Builder().subject(sub).claim("sid", request.query().get("sid"))
          .build()).serialize();
      Account account = new Account(sub, "oidc", id, sub, "at", "bearer", idToken, null, "openid", null, null);
      return new FlowStep.Authenticated(new User(sub, "User " + sub, sub + "@example.com", null, null), account,
          Map.of("sub", sub), List.of());
    }

    @Override
    public LogoutToken verifyLogoutToken(String token) {
      if (token.equals("forged")) {
        throw new InvalidLogoutTokenException("bad signature");
      }
      String[] parts = token.split("\\|", -1);
      return new LogoutToken(parts[0].isEmpty() ? null : parts[0], parts[1].isEmpty() ? null : parts[1],
          parts[2].isEmpty() ? null : parts[2], null);
    }
  }

  AuthConfigBuilder builder(SessionStrategy strategy) {
    return AuthFixtures.builder().clock(clock).store(store).sessionStrategy(strategy).credentialsDatabaseSessions(true)
        .provider(new LoggingOutProvider("idp", true)).provider(new LoggingOutProvider("plain", false))
        .events(new AuthEvents() {
          @Override
          public void revokeSession(SessionInfo session, RevocationCause cause) {
            revoked.add(session.provider() + " " + cause);
          }
        });
  }

  final Auth auth = Auth.create(builder(SessionStrategy.JWT).build());

  TestBrowser signedIn(Auth server, String sub, String sid) {
    TestBrowser browser = new TestBrowser(server, ORIGIN);
    browser.get("/api/auth/callback/idp?sub=" + sub + "&sid=" + sid);
    assertFalse("null".equals(browser.get("/api/auth/session").bodyText()), "the sign-in worked");
    return browser;
  }

  static boolean isSignedIn(TestBrowser browser) {
    return !"null".equals(browser.get("/api/auth/session").bodyText());
  }

  AuthResponse logout(Auth server, String provider, String token) {
    return new TestBrowser(server, ORIGIN).post("/api/auth/backchannel-logout/" + provider,
        token == null ? Map.of() : Map.of("logout_token", token));
  }

  @Test
  void aTokenWithASessionIdEndsThatSessionOnly() {
    TestBrowser laptop = signedIn(auth, "ana", "sid-1");
    TestBrowser phone = signedIn(auth, "ana", "sid-2");
    AuthResponse r = logout(auth, "idp", "ana|sid-1|jti-1");
    assertEquals(200, r.status());
    assertFalse(isSignedIn(laptop));
    assertTrue(isSignedIn(phone));
  }

  @Test
  void aTokenWithOnlyASubjectEndsAllOfItsSessions() {
    TestBrowser laptop = signedIn(auth, "ana", "sid-1");
    TestBrowser phone = signedIn(auth, "ana", "sid-2");
    TestBrowser bo = signedIn(auth, "bo", "sid-3");
    assertEquals(200, logout(auth, "idp", "ana||jti-1").status());
    assertFalse(isSignedIn(laptop));
    assertFalse(isSignedIn(phone));
    assertTrue(isSignedIn(bo));
  }

  @Test
  void aReplayedTokenIs400AndEndsNothing() {
    logout(auth, "idp", "ana|sid-1|jti-1");
    TestBrowser again = signedIn(auth, "ana", "sid-1");
    AuthResponse r = logout(auth, "idp", "ana|sid-1|jti-1");
    assertEquals(400, r.status());
    assertEquals("invalid_request", json(r).get("error"));
    assertTrue(isSignedIn(again));
  }

  @Test
  void aTokenWithoutJtiIs400() {
    TestBrowser laptop = signedIn(auth, "ana", "sid-1");
    assertEquals(400, logout(auth, "idp", "ana|sid-1|").status());
    assertTrue(isSignedIn(laptop));
  }

  @Test
  void anInvalidTokenIs400WithTheReasonAndEndsNothing() {
    TestBrowser laptop = signedIn(auth, "ana", "sid-1");
    AuthResponse r = logout(auth, "idp", "forged");
    assertEquals(400, r.status());
    assertEquals("bad signature", json(r).get("error_description"));
    assertTrue(isSignedIn(laptop));
  }

  @Test
  void aMissingTokenIs400() {
    assertEquals(400, logout(auth, "idp", null).status());
  }

  @Test
  void aProviderThatDoesNotAcceptBackChannelLogoutIs400() {
    assertEquals(400, logout(auth, "plain", "ana|sid-1|jti-1").status());
  }

  @Test
  void anUnknownProviderIs400() {
    assertEquals(400, logout(auth, "nope", "ana|sid-1|jti-1").status());
  }

  @Test
  void theAnswerIsNeverCached() {
    assertEquals("no-store", logout(auth, "idp", "ana|sid-1|jti-1").header("Cache-Control").orElseThrow());
    assertEquals("no-store", logout(auth, "idp", "forged").header("Cache-Control").orElseThrow());
  }

  @Test
  void withoutAStoreTheServerSaysItCannotEndSessions() {
    Auth noStore = Auth.create(AuthFixtures.builder().provider(new LoggingOutProvider("idp", true)).build());
    AuthResponse r = logout(noStore, "idp", "ana|sid-1|jti-1");
    assertEquals(400, r.status());
    assertTrue(((String) json(r).get("error_description")).contains("cannot end sessions"));
  }

  @Test
  void databaseSessionsAreDeletedFromTheStore() {
    Auth dbAuth = Auth.create(builder(SessionStrategy.DATABASE).build());
    TestBrowser laptop = signedIn(dbAuth, "ana", "sid-1");
    String token = laptop.cookies.get("authjs.session-token");
    assertEquals(200, logout(dbAuth, "idp", "ana|sid-1|jti-9").status());
    assertTrue(store.getSessionAndUser(token).isEmpty());
    assertFalse(isSignedIn(laptop));
  }

  @Test
  void eachEndedSessionFiresRevokeSessionWithTheIdentityProviderAsCause() {
    signedIn(auth, "ana", "sid-1");
    logout(auth, "idp", "ana|sid-1|jti-1");
    assertEquals(List.of("idp IDENTITY_PROVIDER"), revoked);
  }

  @Test
  void aJtiIsForgottenOnceItCouldNoLongerBeReplayed() {
    logout(auth, "idp", "ana|sid-1|jti-1");
    clock.advance(Duration.ofMinutes(11));
    TestBrowser laptop = signedIn(auth, "ana", "sid-1");
    assertEquals(200, logout(auth, "idp", "ana|sid-1|jti-1").status());
    assertFalse(isSignedIn(laptop));
  }
}
