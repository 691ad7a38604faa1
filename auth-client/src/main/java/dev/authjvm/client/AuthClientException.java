package dev.authjvm.client;

/**
 * What went wrong talking to an Auth.js server, with a message that names the request and what was
 * wrong with the answer. The client never turns a broken answer into "no session": a body that is not
 * JSON, an unexpected redirect, a cookie the server could not get back, an error status all end here.
 */
public final class AuthClientException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The kinds of failure, for callers that react to some of them. */
  public enum Problem {
    /** The server could not be reached, or the connection broke. */
    IO,
    /** An HTTP status the protocol does not use for this request (e.g. 404, 500). */
    HTTP_STATUS,
    /** A body that is not JSON where the protocol answers JSON (an HTML page, plain text, broken JSON). */
    NOT_JSON,
    /** Valid JSON of the wrong shape (a session that is an array, a sign-in answer without {@code url}). */
    UNEXPECTED_JSON,
    /** A redirect the client does not follow: to another origin, or in answer to a POST. */
    REDIRECT,
    /** A {@code Set-Cookie} a browser would refuse or never send back: malformed, oversized, insecure. */
    BAD_COOKIE,
    /** A response body larger than any the protocol produces. */
    TOO_LARGE
  }

  private final Problem problem;

  AuthClientException(Problem problem, String message) {
    super(message);
    this.problem = problem;
  }

  AuthClientException(Problem problem, String message, Throwable cause) {
    super(message, cause);
    this.problem = problem;
  }

  /** Which kind of failure this is. */
  public Problem problem() {
    return problem;
  }
}
