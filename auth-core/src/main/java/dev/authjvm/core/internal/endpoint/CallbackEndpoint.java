package dev.authjvm.core.internal.endpoint;

import dev.authjvm.core.config.AuthConfig;
import dev.authjvm.core.error.AuthError;
import dev.authjvm.core.error.ErrorType;
import dev.authjvm.core.internal.flow.CredentialsSignIn;
import dev.authjvm.core.internal.flow.EmailLinkFlow;
import dev.authjvm.core.internal.flow.RedirectFlowSignIn;
import dev.authjvm.core.internal.flow.WebAuthnFlow;
import dev.authjvm.core.internal.route.Outcome;
import dev.authjvm.core.internal.route.RequestContext;
import dev.authjvm.core.internal.route.Route;
import dev.authjvm.core.provider.CredentialsProvider;
import dev.authjvm.core.provider.EmailLinkProvider;
import dev.authjvm.core.provider.Provider;
import dev.authjvm.core.provider.RedirectFlowProvider;
import dev.authjvm.core.provider.WebAuthnProvider;
import java.util.Optional;

/**
 * {@code GET|POST /callback/:provider}: where a sign-in completes. Credentials and passkey answers arrive
 * as CSRF-checked POSTs; redirect flows and emailed links verify their own step (state, PKCE, nonce, token) first.
 */
final class CallbackEndpoint implements Route.Endpoint {
  private final AuthConfig config;
  private final CredentialsSignIn credentials;
  private final RedirectFlowSignIn redirectFlows;
  private final EmailLinkFlow emailLinks;
  private final WebAuthnFlow webAuthn;

  CallbackEndpoint(AuthConfig config, CredentialsSignIn credentials, RedirectFlowSignIn redirectFlows,
                   EmailLinkFlow emailLinks, WebAuthnFlow webAuthn) {
    this.config = config;
    this.credentials = credentials;
    this.redirectFlows = redirectFlows;
    this.emailLinks = emailLinks;
    this.webAuthn = webAuthn;
  }

  @Override
  public Outcome handle(RequestContext ctx) {
    Optional<Provider> provider = ctx.providerId() == null ? Optional.empty() : config.provider(ctx.providerId());
    if (provider.isEmpty()) {
      return Outcome.fail(AuthError.of(ErrorType.CONFIGURATION, "callback for unknown provider '" + ctx.providerId() + "'"));
    }
    return provider.get().match(new Provider.Cases<>() {
      @Override
      public Outcome credentials(CredentialsProvider p) {
        return credentials.signIn(ctx, p);
      }

      @Override
      public Outcome redirectFlow(RedirectFlowProvider p) {
        return redirectFlows.callback(ctx, p);
      }

      @Override
      public Outcome emailLink(EmailLinkProvider p) {
        return emailLinks.callback(ctx, p);
      }

      @Override
      public Outcome webAuthn(WebAuthnProvider p) {
        return webAuthn.callback(ctx, p);
      }
    });
  }
}
