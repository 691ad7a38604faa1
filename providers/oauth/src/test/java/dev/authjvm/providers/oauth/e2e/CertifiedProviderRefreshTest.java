package dev.authjvm.providers.oauth.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.JWTParser;
import dev.authjvm.core.callback.Callbacks;
import dev.authjvm.core.provider.TokenRefreshException;
import dev.authjvm.core.provider.TokenSet;
import dev.authjvm.core.user.Account;
import dev.authjvm.oidc.testing.UserAgent;
import dev.authjvm.providers.oauth.engine.OAuthProvider;
import dev.authjvm.testsupport.AuthTestServer;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Token refresh against a certified OpenID Provider that rotates refresh tokens (each one works once; a
 * second use is refused): concurrent reads of one session share one refresh, and an ID token the
 * refresh returns is validated before it is believed. Its access tokens live 30 s, so every session read
 * finds them due (they are refreshed 60 s before they expire).
 */
class CertifiedProviderRefreshTest {
  static final List<Account> SIGN_INS = new CopyOnWriteArrayList<>();
  static final List<String> ACCESS_TOKENS_SEEN = new CopyOnWriteArrayList<>();
  static final SessionTabs TABS = new SessionTabs();
  static CertifiedProvider op;
  static TokenRelay tokens;
  static OAuthProvider provider;
  static AuthTestServer app;

  @BeforeAll
  static void start() throws Exception {
    op = new CertifiedProvider();
    tokens = new TokenRelay(URI.create(op.issuer + "/token"));
    // offline_access brings a refresh token; the provider grants it only with prompt=consent (OIDC Core 11).
    provider = op.provider("op", CertifiedProvider.CLIENT_ID).tokenEndpoint(tokens.url())
        .scopes("openid", "profile", "email", "offline_access").authorizationParam("prompt", "consent").build();
    app = AuthTestServer.start(MockProviders.appConfig().refreshAccessTokens(true).provider(provider)
        .callbacks(Callbacks.DEFAULTS.withJwt(p -> {
          if (p.account() != null) {
            SIGN_INS.add(p.account());
          }
          ACCESS_TOKENS_SEEN.add(String.valueOf(p.token().string("access_token")));
          return p.token();
        })).build(), AuthTestServer.ECHO_PAGES, TABS.counting());
    op.start(op.configure().client(op.client(CertifiedProvider.CLIENT_ID, app.origin(), "op"))
        .accessTokenLifetime(Duration.ofSeconds(30)));
  }

  @AfterAll
  static void stop() throws Exception {
    if (app != null) {
      app.close();
    }
    tokens.close();
    op.close();
  }

  /** Signs {@code login} in and returns the account the sign-in made (its tokens). */
  static Account signIn(Browser browser, String login) {
    HttpResponse<String> callback = CertifiedProvider.signIn(browser, app.origin(), new UserAgent(), login, "op", "");
    assertEquals(app.origin() + "/welcome", Browser.location(callback));
    return SIGN_INS.get(SIGN_INS.size() - 1);
  }

  @Test
  void twoTabsReadingADueSessionAtOnceShareOneRefreshOfTheRotatingToken() throws Exception {
    Browser firstTab = new Browser();
    Account signedIn = signIn(firstTab, "tabs");
    ACCESS_TOKENS_SEEN.clear();
    int before = tokens.refreshes();

    List<HttpResponse<String>> answers = TABS.readTogether(app.origin(), firstTab, tokens);

    assertTrue(tokens.gateOpenedInTime(), "both reads reached the application while the refresh was in flight");
    assertEquals(1, tokens.refreshes() - before, "refresh requests the provider saw");
    for (HttpResponse<String> answer : answers) {
      assertTrue(answer.body().contains("\"name\":\"User tabs\"") && !answer.body().contains("RefreshTokenError"),
          answer.body());
    }
    Set<String> refreshed = Set.copyOf(ACCESS_TOKENS_SEEN);
    assertEquals(1, refreshed.size(), "both reads carry the one refreshed access token: " + ACCESS_TOKENS_SEEN);
    assertNotEquals(signedIn.accessToken(), refreshed.iterator().next());
    // The provider did rotate: the sign-in's refresh token is spent, so a second refresh would have failed.
    assertThrows(TokenRefreshException.class, () -> provider.refresh(signedIn.refreshToken()));
  }

  @Test
  void aRefreshReturnsAnIdTokenAboutTheSameSubjectThatIsAccepted() throws Exception {
    Account signedIn = signIn(new Browser(), "renewed");
    TokenSet fresh = provider.refresh(signedIn.refreshToken(), signedIn.idToken());
    assertNotNull(fresh.idToken(), "the provider returned a new ID token");
    assertEquals("renewed", JWTParser.parse(fresh.idToken()).getJWTClaimsSet().getSubject());
  }

  @Test
  void aRefreshedIdTokenAboutAnotherSubjectThanTheSessionsFailsTheRefresh() {
    Account ada = signIn(new Browser(), "ada");
    Account mallory = signIn(new Browser(), "mallory");
    TokenRefreshException e = assertThrows(TokenRefreshException.class,
        () -> provider.refresh(mallory.refreshToken(), ada.idToken()));
    assertTrue(e.getMessage().contains("another subject"), e.getMessage());
  }
}
