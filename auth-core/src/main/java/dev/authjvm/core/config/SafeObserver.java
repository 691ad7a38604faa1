package dev.authjvm.core.config;

import dev.authjvm.core.observe.AuthObserver;
import dev.authjvm.core.text.LogSafe;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The configured observer, so that one that throws is logged and changes nothing. */
final class SafeObserver implements AuthObserver {
  private static final Logger LOG = LoggerFactory.getLogger("dev.authjvm.core");
  private final AuthObserver observer;

  private SafeObserver(AuthObserver observer) {
    this.observer = observer;
  }

  static AuthObserver of(AuthObserver observer) {
    return observer == AuthObserver.NONE || observer instanceof SafeObserver ? observer : new SafeObserver(observer);
  }

  private void safely(Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      LOG.warn("[auth][error] the observer failed: {}", LogSafe.text(e.toString(), 500));
    }
  }

  @Override
  public void signIn(String provider, String outcome) {
    safely(() -> observer.signIn(provider, outcome));
  }

  @Override
  public void sessionRead(boolean signedIn) {
    safely(() -> observer.sessionRead(signedIn));
  }

  @Override
  public void csrfRejected(String action) {
    safely(() -> observer.csrfRejected(action));
  }

  @Override
  public void rateLimited(String kind, String provider) {
    safely(() -> observer.rateLimited(kind, provider));
  }

  @Override
  public void tokenRefresh(String provider, boolean succeeded) {
    safely(() -> observer.tokenRefresh(provider, succeeded));
  }

  @Override
  public void storeCall(String operation, Duration duration, boolean failed) {
    safely(() -> observer.storeCall(operation, duration, failed));
  }
}
