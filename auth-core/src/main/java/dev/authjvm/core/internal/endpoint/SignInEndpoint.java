package dev.authjvm.core.internal.endpoint;

import dev.authjvm.core.config.AuthConfig;
import dev.authjvm.core.config.ProtocolVersion;
import dev.authjvm.core.error.AuthError;
import dev.authjvm.core.error.ErrorType;
import dev.authjvm.core.internal.flow.EmailLinkFlow;
import dev.authjvm.core.internal.flow.RedirectFlowSignIn;
import dev.authjvm.core.internal.route.Outcome;
import dev.authjvm.core.internal.route.RequestContext;
import dev.authjvm.core.internal.route.Responses;
import dev.authjvm.core.internal.route.Route;
import dev.authjvm.core.provider.CredentialsProvider;
import dev.authjvm.core.provider.EmailLinkProvider;
import dev.authjvm.core.provider.Provider;
import dev.authjvm.core.provider.RedirectFlowProvider;
import dev.authjvm.core.provider.WebAuthnProvider;
import java.util.Optional;

/**
 * {@code POST /signin/:provider}: starts a sign-in that leaves the site (OAuth, an emailed link).
 * Credentials and passkeys sign in at {@code /callback/:provider} instead, so a POST here sends the
 * browser to the sign-in page.
 */
final class SignInEndpoint implements Route.Endpoint {
  private final AuthConfig config;
  private final RedirectFlowSignIn redirectFlows;
  private final EmailLinkFlow emailLinks;

  SignInEndpoint(AuthConfig config, RedirectFlowSignIn redirectFlows, EmailLinkFlow emailLinks) {
    this.config = config;
    this.redirectFlows = redirectFlows;
    this.emailLinks = emailLinks;
  }

  @Override
  public Outcome handle(RequestContext ctx) {
    if (!ctx.csrfVerified()) {
      return Responses.missingCsrf(ctx, "signin", config.observer());
    }
    boolean v5 = ctx.protocol() == ProtocolVersion.V5;
    if (ctx.providerId() == null) {
      return Outcome.redirect(ctx.url("signin") + (v5 ? "" : "?csrf=true"));
    }
    Optional<Provider> provider = config.provider(ctx.providerId());
    if (provider.isEmpty()) {
      return v5 ? Outcome.fail(AuthError.of(ErrorType.CONFIGURATION, "sign-in with unknown provider '"
          + ctx.providerId() + "'")) : Outcome.redirect(ctx.url("signin") + "?csrf=true");
    }
    return provider.get().match(new Provider.Cases<>() {
      @Override
      public Outcome credentials(CredentialsProvider p) {
        return Outcome.redirect(ctx.url("signin"));
      }

      @Override
      public Outcome redirectFlow(RedirectFlowProvider p) {
        return redirectFlows.start(ctx, p);
      }

      @Override
      public Outcome emailLink(EmailLinkProvider p) {
        return emailLinks.start(ctx, p);
      }

      @Override
      public Outcome webAuthn(WebAuthnProvider p) {
        return Outcome.redirect(ctx.url("signin"));
      }
    });
  }
}
