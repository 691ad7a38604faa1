package dev.authjvm.core.internal.flow;

import dev.authjvm.core.error.AuthError;
import dev.authjvm.core.error.ErrorType;
import dev.authjvm.core.internal.route.Outcome;
import dev.authjvm.core.internal.route.RequestContext;
import dev.authjvm.core.jwt.JwtCodec;
import dev.authjvm.core.provider.FlowStep;
import dev.authjvm.core.provider.RedirectFlowProvider;
import java.util.Map;

/**
 * The two steps of a {@link RedirectFlowProvider} (OAuth, OIDC): the provider proves who the user is,
 * with its secrets in the core's encrypted check cookies; everything around it is the core's.
 */
public final class RedirectFlowSignIn {
  private final JwtCodec checkCodec;
  private final SignInCompletion completion;

  public RedirectFlowSignIn(JwtCodec checkCodec, SignInCompletion completion) {
    this.checkCodec = checkCodec;
    this.completion = completion;
  }

  /** {@code POST /signin/:id}, CSRF already verified: off to the identity provider. */
  public Outcome start(RequestContext ctx, RedirectFlowProvider provider) {
    FlowStep step = provider.start(new RedirectFlowRequest(ctx, checkCodec, provider.id()));
    if (step instanceof FlowStep.Redirect redirect) {
      return Outcome.redirect(redirect.url(), step.cookies());
    }
    if (step instanceof FlowStep.Failed failed) {
      return Outcome.fail(AuthError.of(failed.error(), provider.id() + ": " + failed.logMessage()), step.cookies());
    }
    return Outcome.fail(AuthError.of(ErrorType.CONFIGURATION, provider.id() + " answered the start of a sign-in with "
        + step.getClass().getSimpleName()), step.cookies());
  }

  /** {@code GET|POST /callback/:id}: back from the identity provider. */
  public Outcome callback(RequestContext ctx, RedirectFlowProvider provider) {
    FlowStep step = provider.callback(new RedirectFlowRequest(ctx, checkCodec, provider.id()));
    if (step instanceof FlowStep.Failed failed) {
      return Outcome.fail(AuthError.of(failed.error(), provider.id() + ": " + failed.logMessage()), step.cookies());
    }
    if (step instanceof FlowStep.Authenticated ok) {
      return completion.complete(ctx, provider, ok.user(), ok.account(), ok.profile(), Map.of(), step.cookies());
    }
    return Outcome.redirect(((FlowStep.Redirect) step).url(), step.cookies());
  }
}
