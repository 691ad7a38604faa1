package dev.authjvm.core.callback;

import dev.authjvm.core.jwt.JwtClaims;
import dev.authjvm.core.user.Account;
import dev.authjvm.core.user.User;
import java.util.Map;

/**
 * Input of the {@code jwt} callback.
 *
 * @param user      the signed-in user, only on sign-in
 * @param account   the account used, only on sign-in
 * @param profile   the provider profile, only on OAuth sign-in; else empty
 * @param isNewUser true on the first sign-in of a user created by a store
 * @param trigger   sign-in, sign-up, update, or {@code null} for a session read
 * @param update    the {@code data} sent by the client's {@code update(data)}, only on update
 */
public record JwtParams(JwtClaims token, User user, Account account, Map<String, Object> profile,
                        boolean isNewUser, JwtTrigger trigger, Object update) {

  public static JwtParams read(JwtClaims token) {
    return new JwtParams(token, null, null, Map.of(), false, null, null);
  }
}
