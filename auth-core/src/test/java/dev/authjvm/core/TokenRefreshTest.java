package dev.authjvm.core;

import static dev.authjvm.core.TestBrowser.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authjvm.core.callback.Callbacks;
import dev.authjvm.core.config.AuthConfigBuilder;
import dev.authjvm.core.spi.Environment;
import dev.authjvm.core.jwt.JwtClaims;
import dev.authjvm.core.provider.FlowRequest;
import dev.authjvm.core.provider.FlowStep;
import dev.authjvm.core.provider.ProviderType;
import dev.authjvm.core.provider.RedirectFlowProvider;
import dev.authjvm.core.provider.TokenRefreshException;
import dev.authjvm.core.provider.TokenSet;
import dev.authjvm.core.user.Account;
import dev.authjvm.core.user.User;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Opt-in refresh of OAuth access tokens in JWT sessions, the feature Auth.js users ask for most. */
class TokenRefreshTest {
  static final String ORIGIN = "http://localhost";
  final MutableClock clock = new MutableClock();
  final RotatingProvider idp = new RotatingProvider(clock, new AtomicInteger(), new AtomicReference<>(),
      new AtomicReference<>());
  final AtomicReference<JwtClaims> lastToken = new AtomicReference<>();

  AuthConfigBuilder builder() {
    return AuthFixtures.builder().clock(clock).provider(idp)
        .callbacks(Callbacks.DEFAULTS.withJwt(p -> {
          lastToken.set(p.token());
          return p.token();
        }));
  }

  final TestBrowser browser = new TestBrowser(Auth.create(builder().refreshAccessTokens(true).build()), ORIGIN);

  void signIn(TestBrowser b) {
    b.get("/api/auth/callback/idp?code=x");
  }

  @Test
  void aSignInKeepsTheProvidersTokensInTheEncryptedSessionToken() {
    signIn(browser);
    assertEquals("at-0", lastToken.get().string("access_token"));
    assertEquals("rt-0", lastToken.get().string("refresh_token"));
    assertEquals("idp", lastToken.get().string("provider"));
  }

  @Test
  void beforeTheAccessTokenIsDueNothingIsRefreshed() {
    signIn(browser);
    clock.advance(Duration.ofSeconds(200));
    browser.get("/api/auth/session");
    assertEquals(0, idp.refreshes().get());
  }

  @Test
  void whenDueTheSessionReadRefreshesAndReissuesTheCookie() {
    signIn(browser);
    String before = browser.cookies.get("authjs.session-token");
    clock.advance(Duration.ofSeconds(250));
    browser.get("/api/auth/session");
    assertEquals(1, idp.refreshes().get());
    assertEquals("at-1", lastToken.get().string("access_token"));
    assertEquals("rt-1", lastToken.get().string("refresh_token"), "the rotated refresh token is kept");
    assertFalse(before.equals(browser.cookies.get("authjs.session-token")));
    browser.get("/api/auth/session");
    assertEquals(1, idp.refreshes().get(), "the new token is not due yet");
  }

  @Test
  void theSessionsIdTokenGoesWithTheRefreshAndTheRefreshedOneReplacesIt() {
    signIn(browser);
    clock.advance(Duration.ofSeconds(250));
    browser.get("/api/auth/session");
    assertEquals("id-0", idp.idTokenGiven().get(), "so that the provider can check the subject is the same");
    assertEquals("id-1", lastToken.get().string("id_token"));
    clock.advance(Duration.ofSeconds(250));
    browser.get("/api/auth/session");
    assertEquals("id-1", idp.idTokenGiven().get());
  }

  @Test
  void twoTabsWithTheSameOldCookieShareOneRefresh() {
    signIn(browser);
    TestBrowser otherTab = new TestBrowser(browser.auth, ORIGIN);
    otherTab.cookies.putAll(browser.cookies);
    clock.advance(Duration.ofSeconds(250));
    browser.get("/api/auth/session");
    otherTab.get("/api/auth/session");
    assertEquals(1, idp.refreshes().get(), "a rotating provider would refuse the old refresh token a second time");
    assertEquals("at-1", lastToken.get().string("access_token"));
  }

  @Test
  void aRefusedRefreshKeepsTheUserAndReportsRefreshTokenError() {
    signIn(browser);
    idp.refuse().set("invalid_grant");
    clock.advance(Duration.ofSeconds(400));
    Map<String, Object> session = json(browser.get("/api/auth/session"));
    assertEquals("RefreshTokenError", session.get("error"));
    assertEquals("User 7", ((Map<?, ?>) session.get("user")).get("name"));
    assertNull(lastToken.get().get("access_token"), "the dead tokens are dropped");
    browser.get("/api/auth/session");
    assertEquals(1, idp.refreshes().get(), "no retry storm with a refused token");
  }

  @Test
  void offByDefaultNoProviderTokenEntersTheCookie() {
    TestBrowser plain = new TestBrowser(Auth.create(builder().build()), ORIGIN);
    signIn(plain);
    assertNull(lastToken.get().get("access_token"));
  }

  @Test
  void theEnvironmentTurnsItOn() {
    assertTrue(builder().environment(Environment.of(Map.of("AUTH_REFRESH_TOKENS", "true"))).build().refreshAccessTokens());
  }

  /** An OAuth provider in miniature: tokens live 300 s; each refresh rotates the refresh token. */
  record RotatingProvider(MutableClock clock, AtomicInteger refreshes, AtomicReference<String> refuse,
                          AtomicReference<String> idTokenGiven) implements RedirectFlowProvider {
    @Override public String id() { return "idp"; }
    @Override public String name() { return "IdP"; }
    @Override public ProviderType type() { return ProviderType.OAUTH; }
    @Override public boolean refreshesTokens() { return true; }

    @Override
    public FlowStep start(FlowRequest request) {
      return new FlowStep.Redirect("https://idp.example/authorize", List.of());
    }

    @Override
    public FlowStep callback(FlowRequest request) {
      long expiresAt = clock.instant().getEpochSecond() + 300;
      Account account = new Account(null, "oauth", "idp", "7", "at-0", "Bearer", "id-0", "rt-0", "openid", expiresAt, null);
      return new FlowStep.Authenticated(new User("7", "User 7", "u7@example.com", null, null), account, Map.of(), List.of());
    }

    @Override
    public TokenSet refresh(String refreshToken, String idToken) {
      idTokenGiven.set(idToken);
      int n = refreshes.incrementAndGet();
      if (refuse.get() != null) {
        throw new TokenRefreshException(refuse.get());
      }
      return new TokenSet("at-" + n, "Bearer", "rt-" + n, clock.instant().getEpochSecond() + 300, "id-" + n, "openid");
    }
  }
}
