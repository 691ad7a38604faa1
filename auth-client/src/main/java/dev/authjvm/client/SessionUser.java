package dev.authjvm.client;

import java.util.Map;

/**
 * The {@code user} of a session. Auth.js shows only name, email and image unless the application's
 * session callback adds more (an id, roles...), which {@link #json} keeps.
 *
 * @param name  the display name, or {@code null}
 * @param email the email address, or {@code null}
 * @param image the picture URL, or {@code null}
 * @param json  the whole user object as sent, unmodifiable
 */
public record SessionUser(String name, String email, String image, Map<String, Object> json) {
  public SessionUser {
    json = JsonTree.freeze(json);
  }

  /** A field of the user object, or {@code null} when there is none. */
  public Object get(String field) {
    return json.get(field);
  }
}
