package dev.authjvm.providers.oauth.e2e;

import io.undertow.server.HttpHandler;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * Two tabs of one browser reading one session at once, while the provider's token endpoint (a
 * {@link TokenRelay}) holds the refresh until both reads are inside the application, so the reads truly
 * overlap however the threads are scheduled.
 */
final class SessionTabs {
  private volatile CountDownLatch reads = new CountDownLatch(0);

  /** Wraps the application's server so that it counts the session reads that reach it. */
  UnaryOperator<HttpHandler> counting() {
    return server -> exchange -> {
      if (exchange.getRequestPath().endsWith("/api/auth/session")) {
        reads.countDown();
      }
      server.handleRequest(exchange);
    };
  }

  /** {@code GET /session} from {@code firstTab} and a second tab with its cookies, released together. */
  List<HttpResponse<String>> readTogether(URI origin, Browser firstTab, TokenRelay tokens) throws Exception {
    Browser secondTab = new Browser();
    firstTab.jar.getCookieStore().getCookies().forEach(c ->
        secondTab.jar.getCookieStore().add(origin, (HttpCookie) c.clone()));
    reads = new CountDownLatch(2);
    tokens.holdRefreshesUntil(reads);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<HttpResponse<String>>> answers = new ArrayList<>();
      for (Browser tab : List.of(firstTab, secondTab)) {
        answers.add(threads.submit(() -> {
          go.await();
          return tab.get(origin + "/api/auth/session");
        }));
      }
      go.countDown();
      List<HttpResponse<String>> done = new ArrayList<>();
      for (Future<HttpResponse<String>> answer : answers) {
        done.add(answer.get(60, TimeUnit.SECONDS));
      }
      return done;
    } finally {
      threads.shutdownNow();
    }
  }
}
