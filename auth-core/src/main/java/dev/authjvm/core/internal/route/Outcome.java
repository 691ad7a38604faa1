package dev.authjvm.core.internal.route;

import dev.authjvm.core.error.AuthError;
import dev.authjvm.core.http.AuthResponse;
import dev.authjvm.core.http.SetCookie;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What an endpoint decided, with the cookies its answer sets, before the router applies the
 * protocol generation's conventions (JSON modes, error redirects).
 */
public sealed interface Outcome {
  List<SetCookie> cookies();

  static Outcome respond(AuthResponse response) {
    return new Respond(response);
  }

  static Outcome redirect(String url) {
    return new Redirect(url, 200, List.of());
  }

  static Outcome redirect(String url, List<SetCookie> cookies) {
    return new Redirect(url, 200, cookies);
  }

  static Outcome fail(AuthError error) {
    return new Failure(error, List.of());
  }

  static Outcome fail(AuthError error, List<SetCookie> cookies) {
    return new Failure(error, cookies);
  }

  static Outcome rateLimited(AuthError error, Duration retryAfter) {
    return new RateLimited(error, retryAfter);
  }

  /** This outcome with more cookies set before its own (so its own of the same name win). */
  default Outcome withCookiesBefore(List<SetCookie> earlier) {
    if (earlier.isEmpty()) {
      return this;
    }
    List<SetCookie> all = new ArrayList<>(earlier);
    all.addAll(cookies());
    if (this instanceof Respond r) {
      return new Respond(new AuthResponse(r.response().status(), r.response().headers(), all, r.response().body()));
    }
    if (this instanceof Redirect r) {
      return new Redirect(r.url(), r.jsonStatus(), all);
    }
    if (this instanceof Failure f) {
      return new Failure(f.error(), all);
    }
    return this;
  }

  /** A finished response (JSON, HTML, or an empty status); its cookies are the response's own. */
  record Respond(AuthResponse response) implements Outcome {
    @Override
    public List<SetCookie> cookies() {
      return response.cookies();
    }
  }

  /**
   * A redirect to an absolute URL: a 302, or {@code {"url": ...}} in JSON mode.
   *
   * @param jsonStatus the status in v3/v4 JSON mode ({@code json=true}); v5's mode always answers 200
   */
  record Redirect(String url, int jsonStatus, List<SetCookie> cookies) implements Outcome {
    public Redirect {
      cookies = List.copyOf(cookies);
    }
  }

  /** An error, turned into the error redirect of the configured generation. */
  record Failure(AuthError error, List<SetCookie> cookies) implements Outcome {
    public Failure {
      cookies = List.copyOf(cookies);
    }
  }

  /** A failure because of too many attempts: as {@link Failure}, plus 429 in JSON mode and {@code Retry-After}. */
  record RateLimited(AuthError error, Duration retryAfter) implements Outcome {
    @Override
    public List<SetCookie> cookies() {
      return List.of();
    }
  }
}
