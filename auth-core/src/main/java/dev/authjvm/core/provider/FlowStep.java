package dev.authjvm.core.provider;

import dev.authjvm.core.error.ErrorType;
import dev.authjvm.core.http.SetCookie;
import dev.authjvm.core.user.Account;
import dev.authjvm.core.user.User;
import java.util.List;
import java.util.Map;

/** The outcome of one step of a {@link RedirectFlowProvider}; every kind may set or delete cookies. */
public sealed interface FlowStep {
  List<SetCookie> cookies();

  /** Send the browser to {@code url} (an authorization endpoint, or the verify-request page). */
  record Redirect(String url, List<SetCookie> cookies) implements FlowStep {}

  /**
   * The provider vouches for this user.
   *
   * @param user    from the provider's profile; its id is the provider's account id, replaced by the
   *                store's user id when a store is configured
   * @param account the provider account, with tokens for OAuth
   * @param profile the raw profile, for the signIn and jwt callbacks
   */
  record Authenticated(User user, Account account, Map<String, Object> profile, List<SetCookie> cookies)
      implements FlowStep {}

  /**
   * The step failed.
   *
   * @param logMessage what went wrong, for the server log only
   */
  record Failed(ErrorType error, String logMessage, List<SetCookie> cookies) implements FlowStep {}
}
