package dev.authjvm.client;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The last session the client saw, the listeners told when it changes, and the optional polling that
 * mirrors the official {@code SessionProvider}'s {@code refetchInterval}: it refetches only while
 * signed in, on one daemon thread, until closed.
 */
final class SessionWatch implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(AuthClient.class.getName());

  private final List<SessionListener> listeners = new CopyOnWriteArrayList<>();
  private Optional<Session> last = Optional.empty();
  private ScheduledExecutorService poller;

  void add(SessionListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  void remove(SessionListener listener) {
    listeners.remove(listener);
  }

  /**
   * Records a fetched session and tells the listeners when it differs from the last one. Synchronized,
   * so listeners see changes one at a time and in order.
   */
  synchronized void record(Optional<Session> current) {
    Optional<Session> previous = last;
    last = current;
    if (sameContent(previous, current)) {
      return;
    }
    for (SessionListener listener : listeners) {
      try {
        listener.sessionChanged(previous, current);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "a session listener failed; the other listeners are still told", e);
      }
    }
  }

  synchronized boolean signedIn() {
    return last.isPresent();
  }

  /** Refetches every {@code interval} while signed in; a failed refetch goes to {@code onFailure}. */
  synchronized void poll(Duration interval, Runnable refetch, Consumer<AuthClientException> onFailure) {
    poller = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread t = new Thread(task, "authjvm-client-poll");
      t.setDaemon(true);
      return t;
    });
    long millis = interval.toMillis();
    poller.scheduleWithFixedDelay(() -> {
      if (!signedIn()) {
        return;
      }
      try {
        refetch.run();
      } catch (AuthClientException e) {
        onFailure.accept(e);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "polling the session failed", e);
      }
    }, millis, millis, TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void close() {
    if (poller != null) {
      poller.shutdownNow();
    }
  }

  /** Equal apart from {@code expires}, which every read of a JWT session moves forward. */
  private static boolean sameContent(Optional<Session> a, Optional<Session> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return a.isEmpty() && b.isEmpty();
    }
    return withoutExpiry(a.get()).equals(withoutExpiry(b.get()));
  }

  private static Map<String, Object> withoutExpiry(Session s) {
    Map<String, Object> copy = new LinkedHashMap<>(s.json());
    copy.remove("expires");
    return copy;
  }
}
