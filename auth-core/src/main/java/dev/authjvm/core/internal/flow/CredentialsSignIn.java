package dev.authjvm.core.internal.flow;

import dev.authjvm.core.config.AuthConfig;
import dev.authjvm.core.error.AuthError;
import dev.authjvm.core.error.ErrorType;
import dev.authjvm.core.internal.route.Outcome;
import dev.authjvm.core.internal.route.RequestContext;
import dev.authjvm.core.internal.route.Responses;
import dev.authjvm.core.provider.CredentialsProvider;
import dev.authjvm.core.provider.CredentialsSignInException;
import dev.authjvm.core.user.Account;
import dev.authjvm.core.user.User;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /callback/:id} of a credentials provider: CSRF, the rate limit (only failures count),
 * the provider's check, then the common end of a sign-in.
 */
public final class CredentialsSignIn {
  private final AuthConfig config;
  private final SignInCompletion completion;

  public CredentialsSignIn(AuthConfig config, SignInCompletion completion) {
    this.config = config;
    this.completion = completion;
  }

  public Outcome signIn(RequestContext ctx, CredentialsProvider provider) {
    if (!ctx.isPost()) {
      return Outcome.fail(AuthError.of(ErrorType.CONFIGURATION, "credentials callbacks must be POST requests"));
    }
    if (!ctx.csrfVerified()) {
      return Responses.missingCsrf(ctx, "signin", config.observer());
    }
    String limitKey = RateLimits.key("credentials", provider.id(), identifier(ctx, provider));
    Optional<Outcome> limited = RateLimits.acquire(config.credentialsRateLimiter(), limitKey,
        new AuthError(ErrorType.CREDENTIALS_SIGNIN, RateLimits.CODE, provider.id(), null), config.observer());
    if (limited.isPresent()) {
      return limited.get();
    }
    Optional<User> authorized;
    try {
      authorized = provider.authorize(ctx.body().fields(), ctx.request());
    } catch (CredentialsSignInException refused) {
      return Outcome.fail(new AuthError(ErrorType.CREDENTIALS_SIGNIN, refused.code(), provider.id(), null));
    }
    if (authorized == null || authorized.isEmpty()) {
      return Outcome.fail(new AuthError(ErrorType.CREDENTIALS_SIGNIN, null, provider.id(), null));
    }
    // Only failed attempts count against the limit.
    config.credentialsRateLimiter().release(limitKey);
    User user = authorized.get();
    return completion.complete(ctx, provider, user, Account.of(user.id(), "credentials", provider.id(), user.id()),
        Map.of(), ctx.body().fields(), List.of());
  }

  /** Who the attempt is for: the identifier field, normalised, so the limit holds per account. */
  private static String identifier(RequestContext ctx, CredentialsProvider provider) {
    String value = provider.identifierField() == null ? null : ctx.body().field(provider.identifierField());
    return value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
  }
}
