package dev.authjvm.core.callback;

import dev.authjvm.core.user.Account;
import dev.authjvm.core.user.User;
import java.time.Duration;

/**
 * Chooses a new session's sliding lifetime per user, e.g. shorter for administrators. Called once per
 * sign-in; the session keeps the lifetime until it ends.
 */
@FunctionalInterface
public interface SessionLifetimeCallback {
  /** The configured lifetimes: {@code sessionShortMaxAge} when the user chose not to be remembered, else {@code sessionMaxAge}. */
  SessionLifetimeCallback DEFAULT = (user, account, rememberMe) -> null;

  /**
   * @param rememberMe the sign-in form's {@code rememberMe} field: {@code false} when the user chose a short
   *                   session, {@code true} for a long one, {@code null} when the form had no such field
   * @return the lifetime, or {@code null} for the configured one
   */
  Duration lifetime(User user, Account account, Boolean rememberMe);
}
