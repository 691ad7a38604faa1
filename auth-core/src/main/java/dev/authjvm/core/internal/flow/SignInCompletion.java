package dev.authjvm.core.internal.flow;

import dev.authjvm.core.callback.SignInAttempt;
import dev.authjvm.core.callback.SignInDecision;
import dev.authjvm.core.config.AuthConfig;
import dev.authjvm.core.config.SessionStrategy;
import dev.authjvm.core.error.AuthError;
import dev.authjvm.core.error.ErrorType;
import dev.authjvm.core.http.SetCookie;
import dev.authjvm.core.internal.codec.UriComponent;
import dev.authjvm.core.internal.log.Events;
import dev.authjvm.core.internal.route.Outcome;
import dev.authjvm.core.internal.route.RedirectTargets;
import dev.authjvm.core.internal.route.RequestContext;
import dev.authjvm.core.internal.session.NewSession;
import dev.authjvm.core.internal.session.SessionManager;
import dev.authjvm.core.provider.CredentialsProvider;
import dev.authjvm.core.provider.EmailLinkProvider;
import dev.authjvm.core.provider.Provider;
import dev.authjvm.core.provider.RedirectFlowProvider;
import dev.authjvm.core.provider.WebAuthnProvider;
import dev.authjvm.core.store.AuthStore;
import dev.authjvm.core.user.Account;
import dev.authjvm.core.user.AccountSubject;
import dev.authjvm.core.user.User;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The common end of every sign-in, whatever the provider's kind: the signIn callback, the user and
 * account (found, linked or created as the kind allows), the session, the signIn event, and the
 * redirect (through the new-user page for a user this sign-in created).
 */
public final class SignInCompletion {
  private final AuthConfig config;
  private final SessionManager sessions;
  private final RedirectTargets redirects;

  public SignInCompletion(AuthConfig config, SessionManager sessions, RedirectTargets redirects) {
    this.config = config;
    this.sessions = sessions;
    this.redirects = redirects;
  }

  /** Who signs in, once the provider has vouched: the user to start the session for, or why not. */
  private record Resolved(User user, boolean isNewUser, AuthError error) {}

  /**
   * @param profileUser the user as the provider sees them; for external providers its id is the provider's account id
   * @param cookies     what the provider's step set (spent check cookies), kept whatever the outcome
   */
  public Outcome complete(RequestContext ctx, Provider provider, User profileUser, Account account,
                          Map<String, Object> profile, Map<String, String> credentials, List<SetCookie> cookies) {
    return complete(ctx, provider, profileUser, account, profile, credentials, cookies, user -> {});
  }

  /**
   * As {@link #complete(RequestContext, Provider, User, Account, Map, Map, List)}, storing what the sign-in
   * brings besides the user and account (a new passkey) once the user is known and before the session starts,
   * so that a refused sign-in stores none of it.
   */
  public Outcome complete(RequestContext ctx, Provider provider, User profileUser, Account account,
                          Map<String, Object> profile, Map<String, String> credentials, List<SetCookie> cookies,
                          Consumer<User> beforeSession) {
    Optional<AuthStore> store = config.store();
    boolean external = !(provider instanceof CredentialsProvider);
    User user = profileUser;
    Account signInAccount = account;
    if (store.isEmpty() && external) {
      // Without a store the provider's account id is not unique across providers: namespace it.
      String subject = AccountSubject.of(account.provider(), account.providerAccountId());
      user = user.withId(subject);
      signInAccount = account.withUserId(subject);
    }
    Account attempted = signInAccount;
    Optional<User> known = provider instanceof RedirectFlowProvider
        ? store.flatMap(s -> s.getUserByAccount(attempted.provider(), attempted.providerAccountId())) : Optional.empty();
    SignInDecision decision = config.callbacks().signIn()
        .signIn(new SignInAttempt(known.orElse(user), attempted, profile, credentials, false));
    if (decision instanceof SignInDecision.Deny) {
      return Outcome.fail(AuthError.of(ErrorType.ACCESS_DENIED, "signIn callback refused " + attempted), cookies);
    }
    if (decision instanceof SignInDecision.Redirect r) {
      return Outcome.redirect(redirects.resolve(r.url(), ctx.origin()), cookies);
    }
    Resolved resolved = resolve(ctx, provider, user, attempted);
    if (resolved.error() != null) {
      return Outcome.fail(resolved.error(), cookies);
    }
    User signedInUser = resolved.user();
    Account signedIn = attempted.withUserId(signedInUser.id());
    beforeSession.accept(signedInUser);
    List<SetCookie> all = new ArrayList<>(cookies);
    all.addAll(sessions.start(ctx, new NewSession(signedInUser, signedIn, profile, resolved.isNewUser(),
        rememberMe(ctx))));
    Events.fire("signIn", () -> config.events().signIn(signedInUser, signedIn, resolved.isNewUser()));
    config.observer().signIn(provider.id(), "success");
    String newUserPage = config.pages().newUser();
    if (resolved.isNewUser() && newUserPage != null) {
      String page = ctx.absolute(newUserPage);
      return Outcome.redirect(page + (page.contains("?") ? "&" : "?") + "callbackUrl="
          + UriComponent.encode(ctx.callbackUrl()), all);
    }
    return Outcome.redirect(ctx.callbackUrl(), all);
  }

  /**
   * The sign-in form's {@code rememberMe} field: {@code false} for "false", "off" or "0", {@code true} for
   * "true", "on" or "1", else {@code null} (no choice made).
   */
  private static Boolean rememberMe(RequestContext ctx) {
    String value = ctx.body().field("rememberMe");
    if (value == null) {
      return null;
    }
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "true", "on", "1" -> true;
      case "false", "off", "0" -> false;
      default -> null;
    };
  }

  private Resolved resolve(RequestContext ctx, Provider provider, User user, Account account) {
    Optional<AuthStore> store = config.store();
    return provider.match(new Provider.Cases<>() {
      @Override
      public Resolved credentials(CredentialsProvider p) {
        if (store.isEmpty() || config.sessionStrategy() != SessionStrategy.DATABASE) {
          return new Resolved(user, false, null);
        }
        return storedCredentialsUser(store.get(), user, account)
            .map(u -> new Resolved(u, false, null))
            .orElse(new Resolved(null, false, AuthError.of(ErrorType.OAUTH_ACCOUNT_NOT_LINKED, "credentials user "
                + user.id() + " of provider " + p.id() + " has an address that belongs to another stored user")));
      }

      @Override
      public Resolved redirectFlow(RedirectFlowProvider p) {
        if (store.isEmpty()) {
          return new Resolved(user, false, null);
        }
        AccountLinker.Result linked = AccountLinker.account(store.get(), config.events(), sessions.currentUser(ctx),
            user, account, p.allowDangerousEmailAccountLinking());
        return new Resolved(linked.user(), linked.isNewUser(), linked.error());
      }

      @Override
      public Resolved emailLink(EmailLinkProvider p) {
        AccountLinker.Result linked = AccountLinker.email(store.orElseThrow(), config.events(), user, ctx.now());
        return new Resolved(linked.user(), linked.isNewUser(), linked.error());
      }

      /** As Auth.js: a passkey of another user than the signed-in one, or a new one for a taken address, is AccountNotLinked. */
      @Override
      public Resolved webAuthn(WebAuthnProvider p) {
        AccountLinker.Result linked = AccountLinker.account(store.orElseThrow(), config.events(), sessions.currentUser(ctx),
            user, account, false);
        AuthError error = linked.error() == null ? null
            : new AuthError(ErrorType.ACCOUNT_NOT_LINKED, null, p.id(), linked.error().logMessage());
        return new Resolved(linked.user(), linked.isNewUser(), error);
      }
    });
  }

  /**
   * Database sessions for credentials (opt-in) need the user in the store: found by its credentials
   * account or its id, else created with a credentials account. Never found by email alone: an address
   * an authorize function returns is not proof that its owner is the stored user who has it. Empty when
   * the address belongs to another stored user.
   */
  private Optional<User> storedCredentialsUser(AuthStore store, User user, Account account) {
    Optional<User> found = store.getUserByAccount(account.provider(), account.providerAccountId())
        .or(() -> store.getUser(user.id()));
    if (found.isPresent()) {
      return found;
    }
    if (user.email() != null && store.getUserByEmail(user.email()).isPresent()) {
      return Optional.empty();
    }
    User created = store.createUser(user);
    Events.fire("createUser", () -> config.events().createUser(created));
    store.linkAccount(account.withUserId(created.id()));
    return Optional.of(created);
  }
}
