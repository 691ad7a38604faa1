package dev.authjvm.core.action;

import dev.authjvm.core.log.LogSafe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Fires user event handlers; a failing handler is logged and cannot change the outcome. */
final class Events {
  private static final Logger LOG = LoggerFactory.getLogger(Events.class);

  private Events() {}

  static void fire(String event, Runnable handler) {
    try {
      handler.run();
    } catch (RuntimeException e) {
      LOG.error("[auth][error] EventError: the {} event handler failed: {}", event, LogSafe.text(e.toString(), 1000), e);
    }
  }
}
