package dev.authjvm.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.authjvm.core.config.AuthConfig;
import dev.authjvm.core.config.SessionStrategy;
import dev.authjvm.core.ratelimit.FixedWindowRateLimiter;
import dev.authjvm.core.ratelimit.SharedRateLimiter;
import dev.authjvm.core.spi.Environment;
import dev.authjvm.core.store.InMemoryAuthStore;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With a store that keeps counters, every instance sharing it counts the same sign-in attempts. */
class SharedRateLimitTest {
  final MutableClock clock = new MutableClock();
  final InMemoryAuthStore shared = new InMemoryAuthStore(clock);

  AuthConfig config() {
    return AuthFixtures.builder().clock(clock).store(shared).sessionStrategy(SessionStrategy.JWT)
        .environment(Environment.of(Map.of("AUTH_RATE_LIMIT", "3/m"))).build();
  }

  @Test
  void failedAttemptsOnTwoInstancesCountTogether() {
    TestBrowser first = new TestBrowser(Auth.create(config()), "http://localhost");
    TestBrowser second = new TestBrowser(Auth.create(config()), "http://localhost");
    first.signIn("demo", "wrong1");
    second.signIn("demo", "wrong2");
    first.signIn("demo", "wrong3");
    assertEquals(429, second.signIn("demo", "demo").status());
  }

  @Test
  void theSharedWindowReopensWhenItCloses() {
    TestBrowser first = new TestBrowser(Auth.create(config()), "http://localhost");
    for (int i = 0; i < 4; i++) {
      first.signIn("demo", "wrong" + i);
    }
    clock.advance(Duration.ofMinutes(1));
    assertEquals(200, new TestBrowser(Auth.create(config()), "http://localhost").signIn("demo", "demo").status());
  }

  @Test
  void aStoreWithCountersGetsTheSharedLimiter() {
    assertInstanceOf(SharedRateLimiter.class, config().credentialsRateLimiter());
    assertInstanceOf(SharedRateLimiter.class, config().emailRateLimiter());
  }

  @Test
  void aLimitWrittenOnTheBuilderIsSharedLikeTheVariable() {
    AuthConfig config = AuthFixtures.builder().clock(clock).store(shared).sessionStrategy(SessionStrategy.JWT)
        .credentialsRateLimit("3/m").build();
    assertInstanceOf(SharedRateLimiter.class, config.credentialsRateLimiter());
  }

  @Test
  void withoutAStoreTheLimiterIsThisJvms() {
    AuthConfig config = AuthFixtures.builder().environment(Environment.of(Map.of("AUTH_RATE_LIMIT", "3/m"))).build();
    assertInstanceOf(FixedWindowRateLimiter.class, config.credentialsRateLimiter());
  }
}
