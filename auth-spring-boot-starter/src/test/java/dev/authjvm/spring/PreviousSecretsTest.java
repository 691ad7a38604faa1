package dev.authjvm.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code authjvm.previous-secrets}: a session made under the old secret survives the switch to a new one. */
class PreviousSecretsTest {
  static final String NEW_SECRET = "spring-starter-rotated-secret-0123456789abcdef";

  @Test
  void aSessionOfThePreviousSecretIsStillRead() throws Exception {
    HttpCookie session;
    try (TestApplication.Running before = TestApplication.start(Map.of("authjvm.secret", TestProviders.SECRET),
        TestProviders.credentials())) {
      Browser browser = new Browser(before.origin(), "/api/auth");
      browser.signIn("pw");
      session = browser.cookie("authjs.session-token").orElseThrow();
    }
    try (TestApplication.Running after = TestApplication.start(Map.of("authjvm.secret", NEW_SECRET,
        "authjvm.previous-secrets", TestProviders.SECRET), TestProviders.credentials())) {
      HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(after.origin() + "/hello"))
          .header("Cookie", session.getName() + "=" + session.getValue()).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals("hello Jo", r.body());
    }
  }
}
