package dev.authjvm.core.internal.endpoint;

import static dev.authjvm.core.internal.route.Route.Init.MINT;
import static dev.authjvm.core.internal.route.Route.Init.NONE;
import static dev.authjvm.core.internal.route.Route.Init.READ;

import dev.authjvm.core.callback.AuthEvents;
import dev.authjvm.core.callback.Callbacks;
import dev.authjvm.core.config.AuthConfig;
import dev.authjvm.core.config.SessionStrategy;
import dev.authjvm.core.internal.flow.CredentialsSignIn;
import dev.authjvm.core.internal.flow.EmailLinkFlow;
import dev.authjvm.core.internal.flow.RedirectFlowSignIn;
import dev.authjvm.core.internal.flow.WebAuthnFlow;
import dev.authjvm.core.internal.pages.PageRenderer;
import dev.authjvm.core.internal.route.Route;
import dev.authjvm.core.internal.session.ManagedSessions;
import dev.authjvm.core.internal.session.SessionManager;
import dev.authjvm.core.provider.RedirectFlowProvider;
import dev.authjvm.core.store.AuthStore;
import java.util.List;

/**
 * Every endpoint of the protocol, in one table: the action under the base path, the method, whether a
 * {@code :provider} segment follows (an action of two segments, {@code sessions/revoke}, takes none), what
 * the request's resolution mints, whether answering may block, and the endpoint. Routing,
 * {@code 405} with {@code Allow}, and {@code HEAD} all follow from it. Adding an endpoint is one row and
 * one class.
 */
public final class RouteTable {
  /**
   * The provider list and the CSRF token call no store, provider or event; the one application code
   * they may run is the redirect callback on a {@code callbackUrl}, which decides on a URL and must not
   * block. Every other route may, through a store, a provider or the jwt and session callbacks; a session
   * read only as {@link #sessionReadMayBlock} says.
   */
  private static final boolean CPU_ONLY = false;
  private static final boolean MAY_BLOCK = true;

  private RouteTable() {}

  /**
   * A session read waits on nothing when the store it asks (for a database session, or for a JWT session's
   * record) keeps its data in memory, no identity provider is asked to refresh a token, and the application's
   * callbacks and events are the defaults or were promised not to block ({@code nonBlockingCallbacks}).
   * The observer is not asked: its contract is to be fast.
   */
  static boolean sessionReadMayBlock(AuthConfig config) {
    boolean asksStore = config.sessionStrategy() == SessionStrategy.DATABASE || config.sessionRegistry().isPresent();
    boolean storeMayBlock = asksStore && config.store().map(AuthStore::mayBlock).orElse(false);
    boolean applicationCode = config.callbacks() != Callbacks.DEFAULTS || config.events() != AuthEvents.NONE;
    boolean refreshes = config.refreshAccessTokens()
        && config.providers().stream().anyMatch(p -> p instanceof RedirectFlowProvider);
    return storeMayBlock || applicationCode && !config.nonBlockingCallbacks() || refreshes;
  }

  public static List<Route> of(AuthConfig config, SessionManager sessions, ManagedSessions managed, PageRenderer pages,
                               CredentialsSignIn credentials, RedirectFlowSignIn redirectFlows, EmailLinkFlow emailLinks,
                               WebAuthnFlow webAuthn) {
    CallbackEndpoint callback = new CallbackEndpoint(config, credentials, redirectFlows, emailLinks, webAuthn);
    return List.of(
        new Route("providers", "GET", false, NONE, CPU_ONLY, new ProvidersEndpoint(config)),
        new Route("session", "GET", false, READ, sessionReadMayBlock(config), new SessionEndpoint(sessions)),
        new Route("session", "POST", false, MINT, MAY_BLOCK, new SessionUpdateEndpoint(sessions, config.observer())),
        new Route("csrf", "GET", false, MINT, CPU_ONLY, new CsrfEndpoint()),
        new Route("signin", "GET", true, MINT, MAY_BLOCK, new SignInPageEndpoint(config, pages)),
        new Route("signin", "POST", true, MINT, MAY_BLOCK, new SignInEndpoint(config, redirectFlows, emailLinks)),
        new Route("callback", "GET", true, MINT, MAY_BLOCK, callback),
        new Route("callback", "POST", true, MINT, MAY_BLOCK, callback),
        new Route("signout", "GET", false, MINT, MAY_BLOCK, new SignOutPageEndpoint(config, pages)),
        new Route("signout", "POST", false, MINT, MAY_BLOCK, new SignOutEndpoint(sessions, config.observer())),
        new Route("error", "GET", false, MINT, MAY_BLOCK, new ErrorPageEndpoint(config, pages)),
        new Route("verify-request", "GET", false, MINT, MAY_BLOCK, new VerifyRequestEndpoint(config, pages)),
        new Route("webauthn-options", "GET", true, NONE, MAY_BLOCK, new WebAuthnOptionsEndpoint(config, webAuthn)),
        new Route("webauthn-script", "GET", true, NONE, MAY_BLOCK, new WebAuthnScriptEndpoint(pages)),
        new Route("_log", "POST", false, NONE, MAY_BLOCK, new LogEndpoint()),
        new Route("sessions", "GET", false, READ, MAY_BLOCK, new SessionsEndpoint(managed)),
        new Route("sessions/revoke", "POST", false, MINT, MAY_BLOCK, new SessionsRevokeEndpoint(managed, sessions,
            config.observer())),
        new Route("backchannel-logout", "POST", true, NONE, MAY_BLOCK, new BackChannelLogoutEndpoint(config, managed)));
  }
}
