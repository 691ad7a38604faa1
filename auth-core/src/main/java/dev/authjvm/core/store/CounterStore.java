package dev.authjvm.core.store;

import java.time.Duration;
import java.time.Instant;

/**
 * A store that also keeps counters that expire: sign-in attempts limited across every instance that shares
 * the store, and one-time values (a logout token's {@code jti}) that must not be accepted twice.
 * Implementations are thread-safe, increment atomically, and report failures as {@link StoreException}.
 */
public interface CounterStore {
  /**
   * Adds one to the counter and returns it. A counter that does not exist, or whose window has closed,
   * starts again at 1 with a window of {@code window} from now.
   */
  Count incrementCounter(String key, Duration window);

  /** Takes one back from an open counter; nothing happens when there is none. */
  void decrementCounter(String key);

  /**
   * A counter's value after an increment.
   *
   * @param resetsAt when its window closes
   */
  record Count(long value, Instant resetsAt) {}
}
