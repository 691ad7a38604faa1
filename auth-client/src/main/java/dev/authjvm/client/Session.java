package dev.authjvm.client;

import java.time.Instant;
import java.util.Map;

/**
 * A session as {@code GET /session} answers it while signed in.
 *
 * @param user    the signed-in user as the server shows it, or {@code null} when the server's session
 *                callback left it out
 * @param expires when the session ends unless it is used again, or {@code null} when the server sent none
 * @param json    the whole session object as the server sent it, as unmodifiable maps, lists, strings,
 *                numbers and booleans; it holds what a session callback added (for example {@code error}
 *                after a refused token refresh)
 */
public record Session(SessionUser user, Instant expires, Map<String, Object> json) {
  public Session {
    json = JsonTree.freeze(json);
  }

  /** A top-level field of the session object, or {@code null} when there is none. */
  public Object get(String field) {
    return json.get(field);
  }
}
