package dev.authjvm.providers.oauth.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authjvm.testsupport.AuthTestServer;
import java.net.http.HttpResponse;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two instances behind one public URL that share only the secret: a flow started on one finishes on
 * the other, because state, PKCE verifier and nonce travel in encrypted cookies, not in server memory.
 */
class TwoInstancesTest {
  static final String PUBLIC = "http://app.example";
  static MockOAuth2Server idp;
  static AuthTestServer first;
  static AuthTestServer second;

  @BeforeAll
  static void start() {
    idp = MockProviders.startedIdp();
    first = AuthTestServer.start(MockProviders.appConfig().url(PUBLIC + "/api/auth").provider(MockProviders.oidc(idp, "mock-oidc",
        "default")).build(), AuthTestServer.ECHO_PAGES);
    second = AuthTestServer.start(MockProviders.appConfig().url(PUBLIC + "/api/auth").provider(MockProviders.oidc(idp, "mock-oidc",
        "default")).build(), AuthTestServer.ECHO_PAGES);
  }

  @AfterAll
  static void stop() {
    first.close();
    second.close();
    idp.shutdown();
  }

  @Test
  void aFlowStartedOnOneInstanceFinishesOnAnother() {
    idp.enqueueCallback(new DefaultOAuth2TokenCallback("default", "roaming-user", "JWT", null,
        Map.of("name", "Roaming User"), 3600));
    Browser browser = new Browser();
    Browser.Callback callback = browser.toCallback(first.origin(), "mock-oidc");
    // The load balancer sends the provider's redirect to the other instance.
    HttpResponse<String> done = browser.complete(callback.withUrl(callback.url().replace(PUBLIC, second.origin().toString())));
    assertEquals(302, done.statusCode(), done.body());
    assertTrue(Browser.location(done).startsWith(PUBLIC), Browser.location(done));
    assertTrue(browser.session(second.origin()).contains("\"name\":\"Roaming User\""));
    assertTrue(browser.session(first.origin()).contains("\"name\":\"Roaming User\""));
  }
}
