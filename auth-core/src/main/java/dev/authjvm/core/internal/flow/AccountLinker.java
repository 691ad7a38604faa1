package dev.authjvm.core.internal.flow;

import dev.authjvm.core.callback.AuthEvents;
import dev.authjvm.core.error.AuthError;
import dev.authjvm.core.error.ErrorType;
import dev.authjvm.core.internal.log.Events;
import dev.authjvm.core.store.AuthStore;
import dev.authjvm.core.user.Account;
import dev.authjvm.core.user.User;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Who a verified sign-in belongs to, with a store: a returning account's user, the
 * signed-in user (the account is linked to them), or a new user. An email that belongs to another
 * user is {@code OAuthAccountNotLinked} unless the provider allows dangerous email linking.
 */
final class AccountLinker {
  /** The user to sign in, or the error; {@code isNewUser} when this sign-in created the user. */
  record Result(User user, boolean isNewUser, AuthError error) {}

  private AccountLinker() {}

  /** An emailed link proves the address: the user is found or created, and marked verified now. */
  static Result email(AuthStore store, AuthEvents events, User profile, Instant now) {
    Optional<User> existing = store.getUserByEmail(profile.email());
    if (existing.isPresent()) {
      User u = existing.get();
      User verified = store.updateUser(new User(u.id(), u.name(), u.email(), u.image(), now));
      Events.fire("updateUser", () -> events.updateUser(verified));
      return new Result(verified, false, null);
    }
    User created = store.createUser(new User(UUID.randomUUID().toString(), profile.name(), profile.email(),
        profile.image(), now));
    Events.fire("createUser", () -> events.createUser(created));
    return new Result(created, true, null);
  }

  /**
   * A provider's account: its owner, or linked to the signed-in user, or to the user with its (verified)
   * address when the provider allows that, or a new user.
   */
  static Result account(AuthStore store, AuthEvents events, Optional<User> current, User profile, Account account,
                        boolean allowEmailLinking) {
    Optional<User> owner = store.getUserByAccount(account.provider(), account.providerAccountId());
    if (owner.isPresent()) {
      if (current.isPresent() && !current.get().id().equals(owner.get().id())) {
        return notLinked("account " + account + " belongs to another user than the signed-in one");
      }
      return new Result(owner.get(), false, null);
    }
    if (current.isPresent()) {
      linkAccount(store, events, current.get(), account);
      return new Result(current.get(), false, null);
    }
    Optional<User> sameEmail = profile.email() == null ? Optional.empty() : store.getUserByEmail(profile.email());
    if (sameEmail.isPresent()) {
      if (!allowEmailLinking) {
        return notLinked("email of " + account + " belongs to user " + sameEmail.get().id());
      }
      linkAccount(store, events, sameEmail.get(), account);
      return new Result(sameEmail.get(), false, null);
    }
    User created = store.createUser(new User(UUID.randomUUID().toString(), profile.name(), profile.email(),
        profile.image(), null));
    Events.fire("createUser", () -> events.createUser(created));
    linkAccount(store, events, created, account);
    return new Result(created, true, null);
  }

  private static void linkAccount(AuthStore store, AuthEvents events, User user, Account account) {
    Account linked = account.withUserId(user.id());
    store.linkAccount(linked);
    Events.fire("linkAccount", () -> events.linkAccount(user, linked));
  }

  private static Result notLinked(String why) {
    return new Result(null, false, AuthError.of(ErrorType.OAUTH_ACCOUNT_NOT_LINKED, why));
  }
}
