package dev.authjvm.core.internal.session;

import dev.authjvm.core.config.AuthConfig;
import dev.authjvm.core.http.AuthRequest;
import dev.authjvm.core.internal.log.Events;
import dev.authjvm.core.internal.route.RequestContext;
import dev.authjvm.core.session.RevocationCause;
import dev.authjvm.core.session.SessionInfo;
import dev.authjvm.core.session.SessionManagement;
import dev.authjvm.core.store.AuthStore;
import dev.authjvm.core.store.SessionRecord;
import dev.authjvm.core.store.SessionRegistry;
import dev.authjvm.core.user.User;
import java.time.Instant;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * {@link SessionManagement} over the store's session records. Revoking removes the record (a JWT session
 * whose record is gone is over at its next read) and, for a database session, the stored session too.
 */
public final class ManagedSessions implements SessionManagement {
  private final AuthConfig config;
  private final SessionManager sessions;
  private final Function<AuthRequest, Optional<RequestContext>> contexts;
  private final Optional<SessionRegistry> registry;

  /** @param contexts the request as the endpoints would see it, empty for a malformed host */
  public ManagedSessions(AuthConfig config, SessionManager sessions,
                         Function<AuthRequest, Optional<RequestContext>> contexts) {
    this.config = config;
    this.sessions = sessions;
    this.contexts = contexts;
    this.registry = config.sessionRegistry();
  }

  @Override
  public boolean available() {
    return registry.isPresent();
  }

  private SessionRegistry registry() {
    return registry.orElseThrow(() -> new IllegalStateException("sessions are not tracked: "
        + (config.store().isEmpty() ? "no store is configured, and a JWT session without one lives in its cookie "
        + "alone, so it cannot be listed or revoked before it expires"
        : "the store keeps no session records (SessionRegistry), or AUTH_SESSION_TRACKING is off")));
  }

  @Override
  public List<SessionInfo> list(String userId) {
    return records(userId).stream().map(SessionInfo::of).toList();
  }

  /** The user's records, the most recently seen first. */
  public List<SessionRecord> records(String userId) {
    return registry().listSessionRecords(userId).stream()
        .filter(r -> r.expires().isAfter(config.clock().instant()))
        .sorted(Comparator.comparing(SessionRecord::lastSeenAt).reversed()).toList();
  }

  @Override
  public Optional<String> currentSessionId(AuthRequest request) {
    return contexts.apply(request).flatMap(this::current).map(SessionRecord::id);
  }

  /** The record of the request's session, when it is live and tracked. */
  public Optional<SessionRecord> current(RequestContext ctx) {
    return sessions.currentSessionId(ctx).flatMap(registry()::findSessionRecord);
  }

  @Override
  public boolean revoke(String userId, String sessionId) {
    return revoke(userId, sessionId, RevocationCause.APPLICATION);
  }

  /** Revokes the user's session with this id; false, revoking nothing, when it is not one of theirs. */
  public boolean revoke(String userId, String sessionId, RevocationCause cause) {
    Optional<SessionRecord> record = registry().findSessionRecord(sessionId)
        .filter(r -> Objects.equals(r.userId(), userId));
    record.ifPresent(r -> delete(r, cause));
    return record.isPresent();
  }

  @Override
  public int revokeAll(String userId) {
    return revokeWhere(userId, r -> true, RevocationCause.APPLICATION);
  }

  @Override
  public int revokeOthers(String userId, String keepSessionId) {
    return revokeWhere(userId, r -> !r.id().equals(keepSessionId), RevocationCause.APPLICATION);
  }

  /** Revokes the user's sessions that {@code which} selects; returns how many. */
  public int revokeWhere(String userId, Predicate<SessionRecord> which, RevocationCause cause) {
    List<SessionRecord> chosen = records(userId).stream().filter(which).toList();
    chosen.forEach(r -> delete(r, cause));
    return chosen.size();
  }

  /** Revokes every session signed in at the provider with this session id, or this subject: back-channel logout. */
  public int revokeByProvider(String provider, String subject, String providerSessionId) {
    List<SessionRecord> chosen = registry().findSessionRecordsByProvider(provider, subject, providerSessionId);
    chosen.forEach(r -> delete(r, RevocationCause.IDENTITY_PROVIDER));
    return chosen.size();
  }

  private void delete(SessionRecord record, RevocationCause cause) {
    if (record.sessionToken() != null) {
      config.store().orElseThrow().deleteSession(record.sessionToken());
    }
    registry().deleteSessionRecord(record.id());
    SessionInfo info = SessionInfo.of(record);
    Events.fire("revokeSession", () -> config.events().revokeSession(info, cause));
  }

  @Override
  public int update(String userId, Map<String, Object> data) {
    Objects.requireNonNull(data, "data");
    List<SessionRecord> records = records(userId);
    Optional<AuthStore> store = config.store();
    if (StandardFields.any(data) && store.isPresent()) {
      Optional<User> user = store.get().getUser(userId);
      if (user.isPresent()) {
        User updated = store.get().updateUser(StandardFields.applyTo(user.get(), data));
        Events.fire("updateUser", () -> config.events().updateUser(updated));
      }
    }
    // A database session is built from the stored user at every read; a JWT session takes the data at its next.
    Instant now = config.clock().instant();
    records.stream().filter(r -> r.sessionToken() == null)
        .forEach(r -> registry().replaceSessionRecord(r.withUpdate(data, now)));
    Map<String, Object> copy = Collections.unmodifiableMap(new LinkedHashMap<>(data));
    Events.fire("updateSessions", () -> config.events().updateSessions(userId, copy));
    return records.size();
  }
}
