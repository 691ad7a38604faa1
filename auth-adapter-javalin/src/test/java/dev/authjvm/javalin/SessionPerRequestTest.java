package dev.authjvm.javalin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.authjvm.core.Auth;
import dev.authjvm.core.config.AuthConfig;
import dev.authjvm.core.config.SessionStrategy;
import dev.authjvm.core.observe.AuthObserver;
import dev.authjvm.core.provider.CredentialsProvider;
import dev.authjvm.core.spi.Environment;
import dev.authjvm.core.store.InMemoryAuthStore;
import dev.authjvm.core.user.User;
import io.javalin.Javalin;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A request's session is read once, however many times the guard and the handler ask for it. */
class SessionPerRequestTest {
  @Test
  void theGuardAndTheHandlerShareOneSessionRead() throws Exception {
    AtomicInteger reads = new AtomicInteger();
    AuthObserver countingReads = new AuthObserver() {
      @Override
      public void storeCall(String operation, Duration duration, boolean failed) {
        if (operation.equals("getSessionAndUser")) {
          reads.incrementAndGet();
        }
      }
    };
    Auth auth = Auth.create(AuthConfig.builder().secret("javalin-test-secret-0123456789abcdef")
        .environment(Environment.of(Map.of())).discoverProviders(false).observer(countingReads)
        .store(new InMemoryAuthStore()).sessionStrategy(SessionStrategy.DATABASE).credentialsDatabaseSessions(true)
        .provider(CredentialsProvider.builder().authorize((f, r) -> Optional.of(User.of("7", "Jo", "jo@example.com")))
            .build())
        .build());
    Javalin app = Javalin.create(config -> {
      config.registerPlugin(new AuthPlugin(c -> c.auth = auth));
      config.routes.before("/private", AuthPlugin.requireSession());
      config.routes.get("/private", ctx -> {
        AuthPlugin.SessionAccessor access = ctx.with(AuthPlugin.class);
        ctx.result(access.session().orElseThrow().user().name() + " " + access.session().orElseThrow().user().email());
      });
    }).start(0);
    try {
      String base = "http://localhost:" + app.port();
      HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
      String csrf = client.send(HttpRequest.newBuilder(URI.create(base + "/api/auth/csrf")).build(),
          HttpResponse.BodyHandlers.ofString()).body().replaceAll(".*\"csrfToken\":\"(\\w+)\".*", "$1");
      client.send(HttpRequest.newBuilder(URI.create(base + "/api/auth/callback/credentials"))
          .header("Content-Type", "application/x-www-form-urlencoded").header("X-Auth-Return-Redirect", "1")
          .POST(HttpRequest.BodyPublishers.ofString("csrfToken=" + csrf)).build(), HttpResponse.BodyHandlers.ofString());
      reads.set(0);
      HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + "/private")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals("Jo jo@example.com", r.body());
      assertEquals(1, reads.get());
    } finally {
      app.stop();
    }
  }
}
