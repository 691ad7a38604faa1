package dev.authjvm.undertow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authjvm.core.Auth;
import dev.authjvm.core.callback.Callbacks;
import dev.authjvm.core.config.AuthConfig;
import dev.authjvm.core.config.AuthConfigBuilder;
import dev.authjvm.core.config.SessionStrategy;
import dev.authjvm.core.provider.CredentialsProvider;
import dev.authjvm.core.spi.Environment;
import dev.authjvm.core.store.InMemoryAuthStore;
import dev.authjvm.core.user.User;
import io.undertow.Undertow;
import java.net.CookieManager;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * A session read that waits on nothing is answered on Undertow's IO thread, without a hand-off to a worker:
 * when the application promised that its callbacks do not block, and when the store it asks is in memory.
 */
class SessionOnIoThreadTest {
  volatile String sessionThread;

  @Test
  void aSessionReadWithCallbacksPromisedNotToBlockIsAnsweredOnTheIoThread() throws Exception {
    assertTrue(sessionCallbackThread(b -> b.nonBlockingCallbacks(true)).contains("I/O"), sessionThread);
  }

  @Test
  void aSessionReadWhoseRecordIsInAStoreInMemoryIsAnsweredOnTheIoThread() throws Exception {
    assertTrue(sessionCallbackThread(b -> b.nonBlockingCallbacks(true).store(new InMemoryAuthStore())
        .sessionStrategy(SessionStrategy.JWT)).contains("I/O"), sessionThread);
  }

  @Test
  void aSessionReadWithCallbacksNotPromisedIsAnsweredOnAWorker() throws Exception {
    assertTrue(sessionCallbackThread(b -> b).contains("task"), sessionThread);
  }

  /** Signs in on a server made with these settings, reads the session, and names the thread its callback ran on. */
  private String sessionCallbackThread(UnaryOperator<AuthConfigBuilder> settings) throws Exception {
    Auth auth = Auth.create(settings.apply(AuthConfig.builder().secret("undertow-test-secret-0123456789abcdef")
        .environment(Environment.of(Map.of())).discoverProviders(false)
        .callbacks(Callbacks.DEFAULTS.withSession(p -> {
          sessionThread = Thread.currentThread().getName();
          return p.session();
        }))
        .provider(CredentialsProvider.builder().authorize((f, r) -> Optional.of(User.of("7", "Jo", "jo@example.com")))
            .build())).build());
    Undertow server = Undertow.builder().addHttpListener(0, "127.0.0.1").setHandler(new AuthHandler(auth)).build();
    server.start();
    try {
      String base = "http://localhost:" + ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort()
          + "/api/auth";
      HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
      String csrf = client.send(HttpRequest.newBuilder(URI.create(base + "/csrf")).build(),
          HttpResponse.BodyHandlers.ofString()).body().replaceAll(".*\"csrfToken\":\"(\\w+)\".*", "$1");
      client.send(HttpRequest.newBuilder(URI.create(base + "/callback/credentials"))
          .header("Content-Type", "application/x-www-form-urlencoded").header("X-Auth-Return-Redirect", "1")
          .POST(HttpRequest.BodyPublishers.ofString("csrfToken=" + csrf)).build(), HttpResponse.BodyHandlers.ofString());
      HttpResponse<String> session = client.send(HttpRequest.newBuilder(URI.create(base + "/session")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, session.statusCode());
      assertTrue(session.body().contains("\"Jo\""), session.body());
      return sessionThread;
    } finally {
      server.stop();
      auth.close();
    }
  }
}
