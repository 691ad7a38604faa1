package dev.authjvm.core.callback;

import dev.authjvm.core.user.Account;
import dev.authjvm.core.user.User;
import java.util.Map;

/**
 * The facts a {@link SignInCallback} decides on.
 *
 * @param profile             the provider's raw profile (OAuth), else empty
 * @param credentials         the submitted form fields (credentials), else empty
 * @param verificationRequest true when an email link is about to be sent, false when it is used
 */
public record SignInAttempt(User user, Account account, Map<String, Object> profile,
                            Map<String, String> credentials, boolean verificationRequest) {}
