package dev.authjvm.core.internal.flow;

import dev.authjvm.core.callback.SignInAttempt;
import dev.authjvm.core.callback.SignInDecision;
import dev.authjvm.core.config.AuthConfig;
import dev.authjvm.core.error.AuthError;
import dev.authjvm.core.error.ErrorType;
import dev.authjvm.core.internal.codec.UriComponent;
import dev.authjvm.core.internal.pages.PageRenderer;
import dev.authjvm.core.internal.route.Outcome;
import dev.authjvm.core.internal.route.RedirectTargets;
import dev.authjvm.core.internal.route.RequestContext;
import dev.authjvm.core.internal.security.TokenSecrets;
import dev.authjvm.core.provider.EmailAddress;
import dev.authjvm.core.provider.EmailLinkProvider;
import dev.authjvm.core.provider.VerificationRequest;
import dev.authjvm.core.store.AuthStore;
import dev.authjvm.core.store.VerificationToken;
import dev.authjvm.core.text.LogSafe;
import dev.authjvm.core.user.Account;
import dev.authjvm.core.user.User;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Sign-in by an emailed link, for any {@link EmailLinkProvider}: {@code POST /signin/:id} stores only a
 * hash of a random token and has the provider deliver {@code /callback/:id?callbackUrl=…&token=…&email=…};
 * the callback uses the token once. With {@code confirmBeforeSignIn} the link opens a page whose button
 * POSTs it, so mail scanners that follow links do not spend the token.
 */
public final class EmailLinkFlow {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final AuthConfig config;
  private final TokenSecrets secrets;
  private final RedirectTargets redirects;
  private final PageRenderer pages;
  private final SignInCompletion completion;

  public EmailLinkFlow(AuthConfig config, TokenSecrets secrets, RedirectTargets redirects, PageRenderer pages,
                       SignInCompletion completion) {
    this.config = config;
    this.secrets = secrets;
    this.redirects = redirects;
    this.pages = pages;
    this.completion = completion;
  }

  /** {@code POST /signin/:id}, CSRF already verified. */
  public Outcome start(RequestContext ctx, EmailLinkProvider provider) {
    Optional<String> email = EmailAddress.normalize(ctx.body().field("email"));
    if (email.isEmpty()) {
      return Outcome.fail(new AuthError(ErrorType.EMAIL_SIGNIN, null, provider.id(),
          "not an email address: '" + LogSafe.text(ctx.body().fields().getOrDefault("email", "")) + "'"));
    }
    String limitKey = RateLimits.key("email", provider.id(), email.get());
    Optional<Outcome> limited = RateLimits.acquire(config.emailRateLimiter(), limitKey,
        new AuthError(ErrorType.EMAIL_SIGNIN, RateLimits.CODE, provider.id(), null), config.observer());
    if (limited.isPresent()) {
      return limited.get();
    }
    Optional<AuthStore> store = config.store();
    if (store.isEmpty()) {
      return Outcome.fail(AuthError.of(ErrorType.CONFIGURATION, "email sign-in needs a store for its verification "
          + "tokens; configure one (AUTH_JDBC_URL, AUTH_REDIS_URL, store(...))"));
    }
    User user = store.get().getUserByEmail(email.get())
        .orElse(new User(UUID.randomUUID().toString(), null, email.get(), null, null));
    SignInDecision decision = config.callbacks().signIn().signIn(new SignInAttempt(user,
        Account.of(user.id(), "email", provider.id(), email.get()), Map.of(), Map.of(), true));
    if (decision instanceof SignInDecision.Deny) {
      return Outcome.fail(AuthError.of(ErrorType.ACCESS_DENIED,
          "signIn callback refused a link for " + LogSafe.email(email.get())));
    }
    if (decision instanceof SignInDecision.Redirect r) {
      return Outcome.redirect(redirects.resolve(r.url(), ctx.origin()));
    }
    return send(ctx, provider, store.get(), email.get(), limitKey);
  }

  private Outcome send(RequestContext ctx, EmailLinkProvider provider, AuthStore store, String email, String limitKey) {
    byte[] random = new byte[32];
    RANDOM.nextBytes(random);
    String token = HexFormat.of().formatHex(random);
    String hash = secrets.hash(token);
    Instant expires = ctx.now().plus(provider.maxAge());
    String url = ctx.url("callback/" + provider.id()) + "?callbackUrl=" + UriComponent.encode(ctx.callbackUrl())
        + "&token=" + token + "&email=" + UriComponent.encode(email);
    store.createVerificationToken(new VerificationToken(email, hash, expires));
    try {
      provider.sendVerificationRequest(new VerificationRequest(email, url, expires, URI.create(ctx.origin()).getHost(),
          provider.name()));
    } catch (Exception e) {
      // Not sent: no usable link is left behind, and the attempt does not count against the address.
      store.useVerificationToken(email, hash);
      config.emailRateLimiter().release(limitKey);
      return Outcome.fail(new AuthError(ErrorType.EMAIL_SIGNIN, null, provider.id(), provider.id() + ": sending the link to "
          + LogSafe.email(email) + " failed: " + LogSafe.text(e.toString())));
    }
    return Outcome.redirect(ctx.url("verify-request") + "?provider=" + UriComponent.encode(provider.id()) + "&type=email");
  }

  /** {@code GET|POST /callback/:id}: the link comes back. */
  public Outcome callback(RequestContext ctx, EmailLinkProvider provider) {
    Map<String, String> params = ctx.isPost() ? ctx.body().fields() : ctx.query();
    String token = params.get("token");
    String rawEmail = params.get("email");
    if (token == null || token.isBlank() || rawEmail == null || rawEmail.isBlank()) {
      return invalid(provider, "a link without token or email");
    }
    if (provider.confirmBeforeSignIn() && !ctx.isPost()) {
      Map<String, String> fields = new LinkedHashMap<>();
      fields.put("token", token);
      fields.put("email", rawEmail);
      fields.put("callbackUrl", ctx.callbackUrl());
      return Outcome.respond(pages.confirm("Sign in", "Sign in as " + rawEmail + "?", "Sign in",
          ctx.url("callback/" + provider.id()), fields));
    }
    Optional<String> email = EmailAddress.normalize(rawEmail);
    Optional<AuthStore> store = config.store();
    if (email.isEmpty() || store.isEmpty()) {
      return invalid(provider, "a link for an invalid address or without a store");
    }
    Optional<VerificationToken> invite = Optional.empty();
    for (String hash : secrets.hashes(token)) {
      invite = store.get().useVerificationToken(email.get(), hash);
      if (invite.isPresent()) {
        break;
      }
    }
    if (invite.isEmpty()) {
      return invalid(provider, "no such token for " + LogSafe.email(email.get()) + " (used already, or never issued)");
    }
    if (invite.get().expires().isBefore(ctx.now())) {
      return invalid(provider, "the token for " + LogSafe.email(email.get()) + " expired at " + invite.get().expires());
    }
    User user = new User(email.get(), null, email.get(), null, null);
    return completion.complete(ctx, provider, user, Account.of(user.id(), "email", provider.id(), email.get()),
        Map.of("email", email.get()), Map.of(), List.of());
  }

  private static Outcome invalid(EmailLinkProvider provider, String why) {
    return Outcome.fail(AuthError.of(ErrorType.VERIFICATION, provider.id() + ": " + why));
  }
}
