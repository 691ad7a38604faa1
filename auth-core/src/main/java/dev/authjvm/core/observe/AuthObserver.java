package dev.authjvm.core.observe;

import java.time.Duration;

/**
 * What operators count: told of each sign-in's outcome, session reads, refused CSRF tokens, rate
 * limits, token refreshes and every store call with its duration. Methods default to doing nothing,
 * run on the request's thread, and must be fast and never throw (an exception is logged and ignored).
 * The Micrometer binding ({@code auth-metrics-micrometer}) is one implementation.
 */
public interface AuthObserver {
  /** Observes nothing. */
  AuthObserver NONE = new AuthObserver() {};

  /**
   * A sign-in finished, or failed at its start ({@code POST /signin/:provider}, e.g. an email that could
   * not be sent). Only configured providers are told, so the values are bounded.
   *
   * @param provider the provider id
   * @param outcome  {@code success}, or the error code clients see ({@code CredentialsSignin},
   *                 {@code AccessDenied}, {@code OAuthCallbackError}, {@code Verification},
   *                 {@code OAuthAccountNotLinked}, {@code rate_limited}, ...)
   */
  default void signIn(String provider, String outcome) {}

  /**
   * A {@code GET /session} (or update) was answered, with a session or without one. Server-side reads
   * ({@code Auth.session}, the session guards) are not told.
   */
  default void sessionRead(boolean signedIn) {}

  /** A POST was refused because its CSRF token was missing or did not match its cookie. */
  default void csrfRejected(String action) {}

  /**
   * An attempt was refused by a rate limit.
   *
   * @param kind {@code credentials} or {@code email}
   */
  default void rateLimited(String kind, String provider) {}

  /**
   * An OAuth access token was refreshed, or the provider refused or failed the refresh: once per request to
   * the provider, however many session reads waited for it.
   */
  default void tokenRefresh(String provider, boolean succeeded) {}

  /**
   * One call into the store.
   *
   * @param operation the store method, e.g. {@code getSessionAndUser}
   * @param failed    whether it threw
   */
  default void storeCall(String operation, Duration duration, boolean failed) {}
}
