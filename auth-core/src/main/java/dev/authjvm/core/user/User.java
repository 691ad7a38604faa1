package dev.authjvm.core.user;

import java.time.Instant;
import java.util.Objects;

/**
 * A person who can sign in, as Auth.js models it ({@code AdapterUser}).
 *
 * @param id            stable identifier; becomes the token's {@code sub}
 * @param emailVerified when the address was proven by an email sign-in, or {@code null}
 */
public record User(String id, String name, String email, String image, Instant emailVerified) {
  public User {
    Objects.requireNonNull(id, "id");
  }

  public static User of(String id, String name, String email) {
    return new User(id, name, email, null, null);
  }

  public User withId(String newId) {
    return new User(newId, name, email, image, emailVerified);
  }
}
