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
import dev.authjvm.core.user.AccountSubject;
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
    String limitKey = RateLimits.key("credentials", provider.id(), identifier(ctx, provider));
    Optional<Outcome> limited = RateLimits.acquire(ctx.config.credentialsRateLimiter(), limitKey,
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
    // Only failed attempts count against the limit.
    ctx.config.credentialsRateLimiter().release(limitKey);
    User user = authorized.get();
    return complete(ctx, provider, user, Account.of(user.id(), "credentials", provider.id(), user.id()), Map.of(),
        ctx.body.fields());
  }

  /** Who the attempt is for: the identifier field, normalised, so the limit holds per account. */
  private static String identifier(ActionContext ctx, CredentialsProvider provider) {
    String value = provider.identifierField() == null ? null : ctx.body.fields().get(provider.identifierField());
    return value == null ? "" : value.strip().toLowerCase(java.util.Locale.ROOT);
  }

  /** The common end of every sign-in: signIn callback, user and account, session, event, redirect. */
  private Outcome complete(ActionContext ctx, Provider provider, User profileUser, Account account,
                           Map<String, Object> profile, Map<String, String> credentials) {
    Optional<AuthStore> store = ctx.config.store();
    boolean external = !(provider instanceof CredentialsProvider);
    boolean linkAccounts = store.isPresent() && external;
    if (!store.isPresent() && external) {
      // Without a store the provider's account id is not unique across providers: namespace it.
      String subject = AccountSubject.of(account.provider(), account.providerAccountId());
      profileUser = profileUser.withId(subject);
      account = account.withUserId(subject);
    }
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
      Optional<User> stored = storedCredentialsUser(store.get(), user, account, ctx);
      if (stored.isEmpty()) {
        return Outcome.fail(AuthError.of(ErrorType.OAUTH_ACCOUNT_NOT_LINKED, "credentials user " + user.id()
            + " of provider " + provider.id() + " has an address that belongs to another stored user"));
      }
      user = stored.get();
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

  /**
   * Database sessions for credentials (opt-in) need the user in the store: found by its credentials
   * account or its id, else created with a credentials account. Never found by email alone: an address
   * an authorize function returns is not proof that its owner is the stored user who has it. Empty when
   * the address belongs to another stored user.
   */
  private static Optional<User> storedCredentialsUser(AuthStore store, User user, Account account, ActionContext ctx) {
    Optional<User> found = store.getUserByAccount(account.provider(), account.providerAccountId())
        .or(() -> store.getUser(user.id()));
    if (found.isPresent()) {
      return found;
    }
    if (user.email() != null && store.getUserByEmail(user.email()).isPresent()) {
      return Optional.empty();
    }
    User created = store.createUser(user);
    Events.fire("createUser", () -> ctx.config.events().createUser(created));
    store.linkAccount(account.withUserId(created.id()));
    return Optional.of(created);
  }
}
