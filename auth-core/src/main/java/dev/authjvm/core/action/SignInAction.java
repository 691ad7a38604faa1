package dev.authjvm.core.action;

import dev.authjvm.core.config.ProtocolVersion;
import dev.authjvm.core.error.AuthError;
import dev.authjvm.core.error.ErrorType;
import dev.authjvm.core.jwt.JwtCodec;
import dev.authjvm.core.provider.FlowStep;
import dev.authjvm.core.provider.Provider;
import dev.authjvm.core.provider.RedirectFlowProvider;
import dev.authjvm.core.provider.ProviderType;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code POST /signin/:provider}: starts a sign-in that leaves the site (OAuth, email). Credentials
 * providers sign in at {@code /callback/:provider} instead, so a POST here sends the browser to the
 * sign-in page.
 */
final class SignInAction {
  private final JwtCodec checkCodec;

  SignInAction(JwtCodec checkCodec) {
    this.checkCodec = checkCodec;
  }

  Outcome start(ActionContext ctx, String providerId) {
    if (!ctx.csrfVerified()) {
      return ErrorRedirects.missingCsrf(ctx, "signin");
    }
    boolean v5 = ctx.protocol() == ProtocolVersion.V5;
    Optional<Provider> provider = providerId == null ? Optional.empty() : ctx.config.provider(providerId);
    if (providerId == null) {
      return v5 ? Outcome.redirect(ctx.url("signin")) : Outcome.redirect(ctx.url("signin") + "?csrf=true");
    }
    if (provider.isEmpty()) {
      return v5 ? Outcome.fail(AuthError.of(ErrorType.CONFIGURATION, "sign-in with unknown provider '" + providerId + "'"))
          : Outcome.redirect(ctx.url("signin") + "?csrf=true");
    }
    if (provider.get().type() == ProviderType.CREDENTIALS) {
      return Outcome.redirect(ctx.url("signin"));
    }
    if (provider.get() instanceof RedirectFlowProvider flow) {
      if (flow.type() == ProviderType.EMAIL) {
        String email = ctx.body.fields().getOrDefault("email", "").strip().toLowerCase(Locale.ROOT);
        Optional<Outcome> limited = RateLimits.check(ctx, "email:" + flow.id() + ":" + email,
            new AuthError(ErrorType.EMAIL_SIGNIN, RateLimits.CODE, flow.id(), null));
        if (limited.isPresent()) {
          return limited.get();
        }
      }
      FlowStep step = flow.start(new FlowContext(ctx, checkCodec, flow.id()));
      ctx.setCookies(step.cookies());
      if (step instanceof FlowStep.Redirect redirect) {
        return Outcome.redirect(redirect.url());
      }
      if (step instanceof FlowStep.Failed failed) {
        return Outcome.fail(AuthError.of(failed.error(), flow.id() + ": " + failed.logMessage()));
      }
    }
    return Outcome.fail(AuthError.of(ErrorType.CONFIGURATION, "provider '" + providerId + "' cannot start a sign-in"));
  }
}
