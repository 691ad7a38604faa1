package dev.authjvm.core.internal.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authjvm.core.MutableClock;
import dev.authjvm.core.store.StoreException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.Test;
import org.slf4j.event.SubstituteLoggingEvent;
import org.slf4j.helpers.SubstituteLogger;

class FailureLogTest {
  final LinkedBlockingQueue<SubstituteLoggingEvent> events = new LinkedBlockingQueue<>();
  final MutableClock clock = new MutableClock();
  final FailureLog log = new FailureLog(new SubstituteLogger("test", events, false), clock);

  static StoreException outage() {
    return new StoreException("getSessionAndUser failed", new java.sql.SQLException("Connection refused"));
  }

  List<SubstituteLoggingEvent> logged() {
    List<SubstituteLoggingEvent> out = new ArrayList<>();
    events.drainTo(out);
    return out;
  }

  @Test
  void theFirstFailureIsLoggedWithItsStackTrace() {
    log.failed("session", outage());
    List<SubstituteLoggingEvent> out = logged();
    assertEquals(1, out.size());
    assertNotNull(out.get(0).getThrowable());
  }

  @Test
  void repeatsOfTheSameFailureWithinAMinuteAreNotLogged() {
    for (int i = 0; i < 50; i++) {
      log.failed("session", outage());
      clock.advance(Duration.ofMillis(500));
    }
    assertEquals(1, logged().size());
  }

  @Test
  void afterAMinuteOneLineCountsTheRepeatsWithoutAStackTrace() {
    log.failed("session", outage());
    for (int i = 0; i < 9; i++) {
      log.failed("session", outage());
    }
    clock.advance(Duration.ofSeconds(61));
    log.failed("session", outage());
    List<SubstituteLoggingEvent> out = logged();
    assertEquals(2, out.size());
    assertNull(out.get(1).getThrowable());
    assertTrue(java.util.Arrays.asList(out.get(1).getArgumentArray()).contains(9L), "count of repeats");
  }

  @Test
  void aDifferentFailureIsLoggedAtOnce() {
    log.failed("session", outage());
    log.failed("callback", new IllegalStateException("callback threw"));
    assertEquals(2, logged().size());
  }
}
