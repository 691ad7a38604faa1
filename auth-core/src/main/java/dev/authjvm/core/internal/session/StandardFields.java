package dev.authjvm.core.internal.session;

import dev.authjvm.core.jwt.JwtClaims;
import dev.authjvm.core.user.User;
import java.util.Map;

/**
 * The user fields a server-side update sets whatever the callbacks do: {@code name}, {@code email} and
 * {@code image} (the token's {@code picture}), each only when the update names it as a string or {@code null}.
 */
final class StandardFields {
  private StandardFields() {}

  static JwtClaims applyTo(JwtClaims token, Map<String, Object> data) {
    JwtClaims result = token;
    if (isSet(data, "name")) {
      result = result.with("name", data.get("name"));
    }
    if (isSet(data, "email")) {
      result = result.with("email", data.get("email"));
    }
    if (isSet(data, "image")) {
      result = result.with("picture", data.get("image"));
    }
    return result;
  }

  static boolean any(Map<String, Object> data) {
    return isSet(data, "name") || isSet(data, "email") || isSet(data, "image");
  }

  /** The user with the update's fields; a changed address is not verified, whatever the old one was. */
  static User applyTo(User user, Map<String, Object> data) {
    String email = isSet(data, "email") ? (String) data.get("email") : user.email();
    boolean sameAddress = email == null ? user.email() == null : email.equalsIgnoreCase(user.email());
    return new User(user.id(), isSet(data, "name") ? (String) data.get("name") : user.name(), email,
        isSet(data, "image") ? (String) data.get("image") : user.image(), sameAddress ? user.emailVerified() : null);
  }

  private static boolean isSet(Map<String, Object> data, String field) {
    return data.containsKey(field) && (data.get(field) == null || data.get(field) instanceof String);
  }
}
