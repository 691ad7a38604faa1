package dev.authjvm.core.internal.endpoint;

import static dev.authjvm.core.internal.route.Route.Init.MINT;
import static dev.authjvm.core.internal.route.Route.Init.NONE;
import static dev.authjvm.core.internal.route.Route.Init.READ;

import dev.authjvm.core.config.AuthConfig;
import dev.authjvm.core.internal.flow.CredentialsSignIn;
import dev.authjvm.core.internal.flow.EmailLinkFlow;
import dev.authjvm.core.internal.flow.RedirectFlowSignIn;
import dev.authjvm.core.internal.flow.WebAuthnFlow;
import dev.authjvm.core.internal.pages.PageRenderer;
import dev.authjvm.core.internal.route.Route;
import dev.authjvm.core.internal.session.ManagedSessions;
import dev.authjvm.core.internal.session.SessionManager;
import java.util.List;

/**
 * Every endpoint of the protocol, in one table: the action under the base path, the method, whether a
 * {@code :provider} segment follows (an action of two segments, {@code sessions/revoke}, takes none), what
 * the request's resolution mints, and the endpoint. Routing,
 * {@code 405} with {@code Allow}, and {@code HEAD} all follow from it. Adding an endpoint is one row and
 * one class.
 */
public final class RouteTable {
  private RouteTable() {}

  public static List<Route> of(AuthConfig config, SessionManager sessions, ManagedSessions managed, PageRenderer pages,
                               CredentialsSignIn credentials, RedirectFlowSignIn redirectFlows, EmailLinkFlow emailLinks,
                               WebAuthnFlow webAuthn) {
    CallbackEndpoint callback = new CallbackEndpoint(config, credentials, redirectFlows, emailLinks, webAuthn);
    return List.of(
        new Route("providers", "GET", false, NONE, new ProvidersEndpoint(config)),
        new Route("session", "GET", false, READ, new SessionEndpoint(sessions)),
        new Route("session", "POST", false, MINT, new SessionUpdateEndpoint(sessions, config.observer())),
        new Route("csrf", "GET", false, MINT, new CsrfEndpoint()),
        new Route("signin", "GET", true, MINT, new SignInPageEndpoint(config, pages)),
        new Route("signin", "POST", true, MINT, new SignInEndpoint(config, redirectFlows, emailLinks)),
        new Route("callback", "GET", true, MINT, callback),
        new Route("callback", "POST", true, MINT, callback),
        new Route("signout", "GET", false, MINT, new SignOutPageEndpoint(config, pages)),
        new Route("signout", "POST", false, MINT, new SignOutEndpoint(sessions, config.observer())),
        new Route("error", "GET", false, MINT, new ErrorPageEndpoint(config, pages)),
        new Route("verify-request", "GET", false, MINT, new VerifyRequestEndpoint(config, pages)),
        new Route("webauthn-options", "GET", true, NONE, new WebAuthnOptionsEndpoint(config, webAuthn)),
        new Route("webauthn-script", "GET", true, NONE, new WebAuthnScriptEndpoint(pages)),
        new Route("_log", "POST", false, NONE, new LogEndpoint()),
        new Route("sessions", "GET", false, READ, new SessionsEndpoint(managed)),
        new Route("sessions/revoke", "POST", false, MINT, new SessionsRevokeEndpoint(managed, sessions,
            config.observer())),
        new Route("backchannel-logout", "POST", true, NONE, new BackChannelLogoutEndpoint(config, managed)));
  }
}
