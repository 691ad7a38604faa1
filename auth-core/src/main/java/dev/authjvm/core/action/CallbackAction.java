package dev.authjvm.core.action;

import dev.authjvm.core.callback.SignInAttempt;
import dev.authjvm.core.callback.SignInDecision;
import dev.authjvm.core.error.AuthError;
import dev.authjvm.core.error.ErrorType;
import dev.authjvm.core.jwt.JwtCodec;
import dev.authjvm.core.provider.CredentialsProvider;
import dev.authjvm.core.provider.CredentialsSignInException;
import dev.authjvm.core.provider.FlowStep;
import dev.authjvm.core.provider.Provider;
import dev.authjvm.core.provider.ProviderType;
import dev.authjvm.core.provider.RedirectFlowProvider;
import dev.authjvm.core.store.AuthStore;
import dev.authjvm.core.user.Account;
import dev.authjvm.core.user.User;
import dev.authjvm.core.http.UriComponent;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET|POST /callback/:provider}: where a sign-in completes. Credentials arrive as a CSRF-checked
 * POST; OAuth and email providers verify their own step (state, PKCE, nonce, token), then the
 * signIn callback, account linking, the session and the events run here for all of them.
 */
final class CallbackAction {
  private final SessionKeeper sessions;
  private final JwtCodec checkCodec;

  CallbackAction(SessionKeeper sessions, JwtCodec checkCodec) {
    this.sessions = sessions;
    this.checkCodec = checkCodec;
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
    if (provider.get() instanceof RedirectFlowProvider flow) {
      FlowStep step = flow.callback(new FlowContext(ctx, checkCodec, flow.id()));
      ctx.setCookies(step.cookies());
      if (step instanceof FlowStep.Failed failed) {
        return Outcome.fail(AuthError.of(failed.error(), flow.id() + ": " + failed.logMessage()));
      }
      if (step instanceof FlowStep.Authenticated ok) {
        return complete(ctx, flow, ok.user(), ok.account(), ok.profile(), Map.of());
      }
      if (step instanceof FlowStep.Confirm c) {
        return Outcome.respond(ctx.engine.pages().confirm(c.title(), c.message(), c.buttonLabel(), c.actionUrl(),
            c.fields()));
      }
      return Outcome.redirect(((FlowStep.Redirect) step).url());
    }
    return Outcome.fail(AuthError.of(ErrorType.CONFIGURATION, "provider '" + providerId + "' has no callback"));
  }

  private Outcome credentials(ActionContext ctx, CredentialsProvider provider) {
    if (!ctx.csrfVerified()) {
      return ErrorRedirects.missingCsrf(ctx, "signin");
    }
    Optional<Outcome> limited = RateLimits.check(ctx, "credentials:" + provider.id() + ":" + identifier(ctx, provider),
        new AuthError(ErrorType.CREDENTIALS_SIGNIN, RateLimits.CODE, provider.id(), null));
    if (limited.isPresent()) {
      return limited.get();
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
    return complete(ctx, provider, user, Account.of(user.id(), "credentials", provider.id(), user.id()), Map.of(),
        ctx.body.fields());
  }

  /** Who the attempt is for: the first field (the username), normalised, so the limit holds per account. */
  private static String identifier(ActionContext ctx, CredentialsProvider provider) {
    String first = provider.fields().isEmpty() ? null : ctx.body.fields().get(provider.fields().get(0).name());
    return first == null ? "" : first.strip().toLowerCase(java.util.Locale.ROOT);
  }

  /** The common end of every sign-in: signIn callback, user and account, session, event, redirect. */
  private Outcome complete(ActionContext ctx, Provider provider, User profileUser, Account account,
                           Map<String, Object> profile, Map<String, String> credentials) {
    Optional<AuthStore> store = ctx.config.store();
    boolean linkAccounts = store.isPresent() && !(provider instanceof CredentialsProvider);
    Optional<User> known = linkAccounts && provider instanceof RedirectFlowProvider
        && provider.type() != ProviderType.EMAIL
        ? store.get().getUserByAccount(account.provider(), account.providerAccountId()) : Optional.empty();
    SignInDecision decision = ctx.config.callbacks().signIn()
        .signIn(new SignInAttempt(known.orElse(profileUser), account, profile, credentials, false));
    if (decision instanceof SignInDecision.Deny) {
      return Outcome.fail(AuthError.of(ErrorType.ACCESS_DENIED, "signIn callback refused " + account));
    }
    if (decision instanceof SignInDecision.Redirect r) {
      return Outcome.redirect(ctx.redirectTarget(r.url()));
    }
    User user = profileUser;
    boolean isNewUser = false;
    if (linkAccounts) {
      RedirectFlowProvider flow = (RedirectFlowProvider) provider;
      AccountLinker.Result linked = AccountLinker.link(store.get(), ctx.config.events(), provider.type(),
          sessions.currentUser(ctx), profileUser, account, flow.allowDangerousEmailAccountLinking(), ctx);
      if (linked.error() != null) {
        return Outcome.fail(linked.error());
      }
      user = linked.user();
      isNewUser = linked.isNewUser();
    } else if (store.isPresent() && sessions instanceof DatabaseSessions) {
      user = storedCredentialsUser(store.get(), user);
    }
    Account signedIn = account.withUserId(user.id());
    sessions.start(ctx, user, signedIn, profile, isNewUser);
    User finalUser = user;
    boolean newUser = isNewUser;
    Events.fire("signIn", () -> ctx.config.events().signIn(finalUser, signedIn, newUser));
    String newUserPage = ctx.config.pages().newUser();
    if (isNewUser && newUserPage != null) {
      String page = ErrorRedirects.absolute(newUserPage, ctx);
      return Outcome.redirect(page + (page.contains("?") ? "&" : "?") + "callbackUrl="
          + UriComponent.encode(ctx.callbackUrl()));
    }
    return Outcome.redirect(ctx.callbackUrl());
  }

  /** Database sessions for credentials (opt-in) need the user in the store: found by id or email, else created. */
  private static User storedCredentialsUser(AuthStore store, User user) {
    return store.getUser(user.id())
        .or(() -> user.email() == null ? Optional.empty() : store.getUserByEmail(user.email()))
        .orElseGet(() -> store.createUser(user));
  }
}
