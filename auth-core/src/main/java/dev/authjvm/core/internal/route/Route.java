package dev.authjvm.core.internal.route;

/**
 * One row of the route table: an action under the base path, the method it answers, whether it takes
 * a {@code :provider} segment, what resolving the request does first, whether answering may block,
 * and the endpoint.
 *
 * @param mayBlock whether the endpoint may call something that waits: a store, an identity provider,
 *                 the mail sender, or an application callback or event listener that may do either.
 *                 {@code false} promises that the answer is pure computation, so an adapter may give it
 *                 on its server's IO thread.
 */
public record Route(String action, String method, boolean takesProvider, Init init, boolean mayBlock, Endpoint endpoint) {

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
