package dev.authjvm.core.callback;

import dev.authjvm.core.jwt.JwtClaims;
import dev.authjvm.core.session.Session;
import dev.authjvm.core.user.User;

/**
 * Input of the {@code session} callback.
 *
 * @param token  the token (JWT sessions), else {@code null}
 * @param user   the stored user (database sessions), else {@code null}
 * @param update the client's {@code update(data)} payload on update, else {@code null}
 */
public record SessionParams(Session session, JwtClaims token, User user, Object update) {}
