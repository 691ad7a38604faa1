package dev.authjvm.core.internal.log;

import dev.authjvm.core.text.LogSafe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Fires user event handlers; a failing handler is logged and cannot change the outcome. */
public final class Events {
  private static final Logger LOG = LoggerFactory.getLogger(Events.class);

  private Events() {}

  public static void fire(String event, Runnable handler) {
    try {
      handler.run();
    } catch (RuntimeException e) {
      LOG.error("[auth][error] EventError: the {} event handler failed: {}", event, LogSafe.text(e.toString(), 1000), e);
    }
  }
}
