package dev.authjvm.core.internal.route;

/**
 * One row of the route table: an action under the base path, the method it answers, whether it takes
 * a {@code :provider} segment, what resolving the request does first, and the endpoint.
 */
public record Route(String action, String method, boolean takesProvider, Init init, Endpoint endpoint) {

  /** What the router resolves before the endpoint runs. */
  public enum Init {
    /** Nothing: the answer sets no cookie (the provider list, the client's log beacon). */
    NONE,
    /** The CSRF token if its cookie is valid (none is minted) and the callback URL. */
    READ,
    /** As {@link #READ}, minting a CSRF cookie when there is none: Auth.js's {@code init}. */
    MINT
  }

  /** What one route does with a request. */
  @FunctionalInterface
  public interface Endpoint {
    Outcome handle(RequestContext request);
  }
}
