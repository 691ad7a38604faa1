package dev.authjvm.core.internal.endpoint;

import dev.authjvm.core.http.AuthResponse;
import dev.authjvm.core.internal.codec.JsDate;
import dev.authjvm.core.internal.route.Outcome;
import dev.authjvm.core.internal.route.Problems;
import dev.authjvm.core.internal.route.RequestContext;
import dev.authjvm.core.internal.route.Route;
import dev.authjvm.core.internal.session.ManagedSessions;
import dev.authjvm.core.store.SessionRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /sessions}, an extension of the Auth.js API: the signed-in user's sessions, {@code
 * {"sessions":[{"id","createdAt","lastSeenAt","expires","userAgent","provider","current"}]}}, the most
 * recently seen first. 401 when signed out; 404 when sessions are not tracked.
 */
final class SessionsEndpoint implements Route.Endpoint {
  private final ManagedSessions managed;

  SessionsEndpoint(ManagedSessions managed) {
    this.managed = managed;
  }

  @Override
  public Outcome handle(RequestContext ctx) {
    if (!managed.available()) {
      return Outcome.respond(unavailable());
    }
    Optional<SessionRecord> current = managed.current(ctx);
    if (current.isEmpty()) {
      return Outcome.respond(Problems.sessionRequired());
    }
    List<Map<String, Object>> sessions = managed.records(current.get().userId()).stream()
        .map(r -> json(r, r.id().equals(current.get().id()))).toList();
    return Outcome.respond(AuthResponse.json(200, Map.of("sessions", sessions)));
  }

  static AuthResponse unavailable() {
    return AuthResponse.json(404, Map.of("error", "SessionsUnavailable", "message",
        "Sessions are not tracked on this server: it needs a store that keeps session records"));
  }

  private static Map<String, Object> json(SessionRecord r, boolean current) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", r.id());
    json.put("createdAt", JsDate.format(r.createdAt()));
    json.put("lastSeenAt", JsDate.format(r.lastSeenAt()));
    json.put("expires", JsDate.format(r.expires()));
    json.put("userAgent", r.userAgent());
    json.put("provider", r.provider());
    json.put("current", current);
    return json;
  }
}
