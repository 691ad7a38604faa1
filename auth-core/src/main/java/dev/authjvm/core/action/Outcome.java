package dev.authjvm.core.action;

import dev.authjvm.core.error.AuthError;
import dev.authjvm.core.http.AuthResponse;
import java.time.Duration;

/** What an action decided, before the router applies the protocol generation's conventions. */
sealed interface Outcome {

  static Outcome respond(AuthResponse response) {
    return new Respond(response);
  }

  static Outcome redirect(String url) {
    return new Redirect(url, 200);
  }

  static Outcome fail(AuthError error) {
    return new Failure(error);
  }

  static Outcome rateLimited(AuthError error, Duration retryAfter) {
    return new RateLimited(error, retryAfter);
  }

  /** A finished response (JSON, HTML, or an empty status). */
  record Respond(AuthResponse response) implements Outcome {}

  /**
   * A redirect to an absolute URL: a 302, or {@code {"url": ...}} in JSON mode.
   *
   * @param jsonStatus the status in v3/v4 JSON mode ({@code json=true}); v5's mode always answers 200
   */
  record Redirect(String url, int jsonStatus) implements Outcome {}

  /** An error, turned into the error redirect of the configured generation. */
  record Failure(AuthError error) implements Outcome {}

  /** A failure because of too many attempts: as {@link Failure}, plus 429 in JSON mode and {@code Retry-After}. */
  record RateLimited(AuthError error, Duration retryAfter) implements Outcome {}
}
