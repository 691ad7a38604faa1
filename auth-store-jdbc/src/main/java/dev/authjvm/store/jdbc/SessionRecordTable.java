package dev.authjvm.store.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.authjvm.core.store.SessionRecord;
import dev.authjvm.core.store.StoreException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The session records of {@link dev.authjvm.core.store.SessionRegistry} in {@code auth_session_record}: saved
 * with one upsert, read only while unexpired, purged with the expired sessions.
 */
final class SessionRecordTable {
  private static final List<String> COLUMNS = List.of("id", "user_id", "created_at", "last_seen_at", "expires",
      "user_agent", "max_age", "persistent", "provider", "provider_subject", "provider_session_id", "session_token",
      "session_update", "updated_at");
  private static final String SELECT = "SELECT " + String.join(", ", COLUMNS) + " FROM auth_session_record";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private final Sql sql;
  private final Clock clock;
  private final String upsert;
  private final String replace = "UPDATE auth_session_record SET " + String.join(" = ?, ", COLUMNS.subList(1, COLUMNS.size()))
      + " = ? WHERE id = ? AND expires > ?";

  SessionRecordTable(Sql sql, Dialect dialect, Clock clock) {
    this.sql = sql;
    this.clock = clock;
    this.upsert = dialect.upsert("auth_session_record", "id", COLUMNS);
  }

  void save(SessionRecord r) {
    Long maxAge = r.maxAge() == null ? null : r.maxAge().toMillis();
    sql.transactionRetryingConflicts("saveSessionRecord", c -> Sql.update(c, upsert, r.id(), r.userId(),
        r.createdAt(), r.lastSeenAt(), r.expires(), r.userAgent(), Sql.bigint(maxAge), r.persistent(), r.provider(),
        r.providerSubject(), r.providerSessionId(), r.sessionToken(), json(r.update()), Sql.bigint(r.updatedAt())));
  }

  /** One UPDATE: a row that a revocation deleted, or that expired, stays gone. */
  boolean replace(SessionRecord r) {
    Long maxAge = r.maxAge() == null ? null : r.maxAge().toMillis();
    return sql.update("replaceSessionRecord", replace, r.userId(), r.createdAt(), r.lastSeenAt(), r.expires(),
        r.userAgent(), Sql.bigint(maxAge), r.persistent(), r.provider(), r.providerSubject(), r.providerSessionId(),
        r.sessionToken(), json(r.update()), Sql.bigint(r.updatedAt()), r.id(), clock.instant()) == 1;
  }

  Optional<SessionRecord> find(String id) {
    return sql.queryOne("findSessionRecord", SELECT + " WHERE id = ? AND expires > ?", SessionRecordTable::record,
        id, clock.instant());
  }

  List<SessionRecord> list(String userId) {
    return sql.queryAll("listSessionRecords", SELECT + " WHERE user_id = ? AND expires > ?",
        SessionRecordTable::record, userId, clock.instant());
  }

  List<SessionRecord> byProvider(String provider, String providerSubject, String providerSessionId) {
    if (providerSessionId != null) {
      return sql.queryAll("findSessionRecordsByProvider", SELECT
              + " WHERE provider = ? AND provider_session_id = ? AND expires > ?", SessionRecordTable::record,
          provider, providerSessionId, clock.instant());
    }
    if (providerSubject == null) {
      return List.of();
    }
    return sql.queryAll("findSessionRecordsByProvider", SELECT
        + " WHERE provider = ? AND provider_subject = ? AND expires > ?", SessionRecordTable::record,
        provider, providerSubject, clock.instant());
  }

  /** Whoever's DELETE removes the row gets the record; a racing delete gets nothing. */
  Optional<SessionRecord> delete(String id) {
    return sql.transaction("deleteSessionRecord", c -> {
      Optional<SessionRecord> found = Sql.queryOne(c, SELECT + " WHERE id = ?", SessionRecordTable::record, id);
      boolean deleted = found.isPresent() && Sql.update(c, "DELETE FROM auth_session_record WHERE id = ?", id) == 1;
      return deleted ? found : Optional.<SessionRecord>empty();
    });
  }

  private static SessionRecord record(ResultSet row) throws SQLException {
    Long maxAge = Sql.nullableLong(row, "max_age");
    return new SessionRecord(row.getString("id"), row.getString("user_id"), Sql.instant(row, "created_at"),
        Sql.instant(row, "last_seen_at"), Sql.instant(row, "expires"), row.getString("user_agent"),
        maxAge == null ? null : Duration.ofMillis(maxAge), row.getBoolean("persistent"), row.getString("provider"),
        row.getString("provider_subject"), row.getString("provider_session_id"), row.getString("session_token"),
        map(row.getString("session_update")), Sql.instant(row, "updated_at"));
  }

  private static String json(Map<String, Object> update) {
    if (update == null) {
      return null;
    }
    try {
      return JSON.writeValueAsString(update);
    } catch (JsonProcessingException e) {
      throw new StoreException("saveSessionRecord: the session update cannot be written as JSON", e);
    }
  }

  private static Map<String, Object> map(String json) throws SQLException {
    if (json == null) {
      return null;
    }
    try {
      return JSON.readValue(json, MAP);
    } catch (JsonProcessingException e) {
      throw new SQLException("a session record's update is not valid JSON", e);
    }
  }
}
