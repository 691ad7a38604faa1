package dev.authjvm.core.action;

import dev.authjvm.core.config.ProtocolVersion;
import dev.authjvm.core.error.AuthError;
import dev.authjvm.core.error.ErrorType;
import dev.authjvm.core.jwt.JwtCodec;
import dev.authjvm.core.log.LogSafe;
import dev.authjvm.core.provider.FlowStep;
import dev.authjvm.core.provider.Provider;
import dev.authjvm.core.provider.RedirectFlowProvider;
import dev.authjvm.core.provider.ProviderType;
import dev.authjvm.core.callback.SignInAttempt;
import dev.authjvm.core.callback.SignInDecision;
import dev.authjvm.core.provider.EmailAddress;
import dev.authjvm.core.store.AuthStore;
import dev.authjvm.core.user.Account;
import dev.authjvm.core.user.User;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

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
      String limitKey = null;
      if (flow.type() == ProviderType.EMAIL) {
        Optional<Outcome> refused = checkEmailRequest(ctx, flow);
        if (refused.isPresent()) {
          return refused.get();
        }
        limitKey = emailLimitKey(ctx, flow);
      }
      FlowStep step = flow.start(new FlowContext(ctx, checkCodec, flow.id()));
      ctx.setCookies(step.cookies());
      if (step instanceof FlowStep.Redirect redirect) {
        return Outcome.redirect(redirect.url());
      }
      if (step instanceof FlowStep.Failed failed) {
        if (limitKey != null) {
          // No mail went out (SMTP down, say): the attempt does not count against the address.
          ctx.config.emailRateLimiter().release(limitKey);
        }
        return Outcome.fail(AuthError.of(failed.error(), flow.id() + ": " + failed.logMessage()));
      }
    }
    return Outcome.fail(AuthError.of(ErrorType.CONFIGURATION, "provider '" + providerId + "' cannot start a sign-in"));
  }

  /**
   * Before a link is sent (spec §7.2): the address must be one, the rate limit holds per normalised
   * address, and the signIn callback may refuse it ({@code verificationRequest} is true).
   */
  private static Optional<Outcome> checkEmailRequest(ActionContext ctx, RedirectFlowProvider flow) {
    Optional<String> email = EmailAddress.normalize(ctx.body.fields().get("email"));
    if (email.isEmpty()) {
      return Optional.of(Outcome.fail(new AuthError(ErrorType.EMAIL_SIGNIN, null, flow.id(),
          "not an email address: '" + LogSafe.text(ctx.body.fields().getOrDefault("email", "")) + "'")));
    }
    Optional<Outcome> limited = RateLimits.acquire(ctx.config.emailRateLimiter(), emailLimitKey(ctx, flow),
        new AuthError(ErrorType.EMAIL_SIGNIN, RateLimits.CODE, flow.id(), null));
    if (limited.isPresent()) {
      return limited;
    }
    Optional<AuthStore> store = ctx.config.store();
    if (store.isEmpty()) {
      return Optional.of(Outcome.fail(AuthError.of(ErrorType.CONFIGURATION,
          "email sign-in needs a store for its verification tokens; configure one (AUTH_JDBC_URL, AUTH_REDIS_URL, store(...))")));
    }
    User user = store.get().getUserByEmail(email.get())
        .orElse(new User(UUID.randomUUID().toString(), null, email.get(), null, null));
    SignInDecision decision = ctx.config.callbacks().signIn().signIn(new SignInAttempt(user,
        Account.of(user.id(), "email", flow.id(), email.get()), Map.of(), Map.of(), true));
    if (decision instanceof SignInDecision.Deny) {
      return Optional.of(Outcome.fail(AuthError.of(ErrorType.ACCESS_DENIED,
          "signIn callback refused a link for " + LogSafe.email(email.get()))));
    }
    if (decision instanceof SignInDecision.Redirect r) {
      return Optional.of(Outcome.redirect(ctx.redirectTarget(r.url())));
    }
    return Optional.empty();
  }

  private static String emailLimitKey(ActionContext ctx, RedirectFlowProvider flow) {
    return RateLimits.key("email", flow.id(), EmailAddress.normalize(ctx.body.fields().get("email")).orElse(""));
  }
}
