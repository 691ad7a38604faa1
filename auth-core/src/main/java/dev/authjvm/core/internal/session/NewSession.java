package dev.authjvm.core.internal.session;

import dev.authjvm.core.user.Account;
import dev.authjvm.core.user.User;
import java.util.Map;

/**
 * A completed sign-in, from which a session starts.
 *
 * @param profile    the provider's profile, for the jwt callback
 * @param rememberMe the sign-in form's {@code rememberMe} choice, or {@code null} when it had none
 */
public record NewSession(User user, Account account, Map<String, Object> profile, boolean isNewUser,
                         Boolean rememberMe) {}
