package dev.authjvm.core.action;

import dev.authjvm.core.callback.JwtParams;
import dev.authjvm.core.callback.JwtTrigger;
import dev.authjvm.core.callback.SignInAttempt;
import dev.authjvm.core.callback.SignInDecision;
import dev.authjvm.core.error.AuthError;
import dev.authjvm.core.error.ErrorType;
import dev.authjvm.core.jwt.JwtClaims;
import dev.authjvm.core.provider.CredentialsProvider;
import dev.authjvm.core.provider.CredentialsSignInException;
import dev.authjvm.core.provider.Provider;
import dev.authjvm.core.user.Account;
import dev.authjvm.core.user.User;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET|POST /callback/:provider}: where a sign-in completes. Credentials arrive here as a
 * CSRF-checked POST and always end in a JWT session, as in Auth.js.
 */
final class CallbackAction {
  private final JwtSessions sessions;

  CallbackAction(JwtSessions sessions) {
    this.sessions = sessions;
  }

  Outcome handle(ActionContext ctx, String providerId, boolean post) {
    Optional<Provider> provider = providerId == null ? Optional.empty() : ctx.config.provider(providerId);
    if (provider.isEmpty()) {
      return Outcome.fail(AuthError.of(ErrorType.CONFIGURATION, "callback for unknown provider '" + providerId + "'"));
    }
    if (provider.get() instanceof CredentialsProvider credentials) {
      if (!post) {
        return Outcome.fail(AuthError.of(ErrorType.CONFIGURATION, "credentials callbacks must be POST requests"));
      }
      return credentials(ctx, credentials);
    }
    return Outcome.fail(AuthError.of(ErrorType.CONFIGURATION, "provider '" + providerId + "' has no callback"));
  }

  private Outcome credentials(ActionContext ctx, CredentialsProvider provider) {
    if (!ctx.csrfVerified()) {
      return ErrorRedirects.missingCsrf(ctx, "signin");
    }
    Optional<User> authorized;
    try {
      authorized = provider.authorizer().authorize(ctx.body.fields(), ctx.request);
    } catch (CredentialsSignInException refused) {
      return Outcome.fail(new AuthError(ErrorType.CREDENTIALS_SIGNIN, refused.code(), provider.id(), null));
    }
    if (authorized == null || authorized.isEmpty()) {
      return Outcome.fail(new AuthError(ErrorType.CREDENTIALS_SIGNIN, null, provider.id(), null));
    }
    User user = authorized.get();
    Account account = Account.of(user.id(), "credentials", provider.id(), user.id());
    SignInDecision decision = ctx.config.callbacks().signIn()
        .signIn(new SignInAttempt(user, account, Map.of(), ctx.body.fields(), false));
    if (decision instanceof SignInDecision.Deny) {
      return Outcome.fail(AuthError.of(ErrorType.ACCESS_DENIED, "signIn callback refused user " + user.id()));
    }
    if (decision instanceof SignInDecision.Redirect r) {
      return Outcome.redirect(ctx.redirectTarget(r.url()));
    }
    JwtClaims token = ctx.config.callbacks().jwt().jwt(new JwtParams(JwtSessions.initialToken(user), user, account,
        Map.of(), false, JwtTrigger.SIGN_IN, null));
    if (token == null) {
      sessions.clear(ctx);
    } else {
      sessions.issue(ctx, token);
    }
    Events.fire("signIn", () -> ctx.config.events().signIn(user, account, false));
    return Outcome.redirect(ctx.callbackUrl());
  }
}
