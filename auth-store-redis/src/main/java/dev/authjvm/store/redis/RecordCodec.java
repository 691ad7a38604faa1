package dev.authjvm.store.redis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.authjvm.core.store.Authenticator;
import dev.authjvm.core.store.SessionRecord;
import dev.authjvm.core.store.StoreException;
import dev.authjvm.core.store.StoredSession;
import dev.authjvm.core.store.VerificationToken;
import dev.authjvm.core.user.Account;
import dev.authjvm.core.user.User;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON kept under each key. Field names follow the Auth.js adapter model (so the data reads
 * familiar in {@code redis-cli}); instants are epoch milliseconds.
 */
final class RecordCodec {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Resolved once, so that a read does not look the map type and its deserializer up again. */
  private static final ObjectReader MAP = JSON.readerFor(new TypeReference<Map<String, Object>>() {});

  private RecordCodec() {}

  static String user(User u) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", u.id());
    m.put("name", u.name());
    m.put("email", u.email());
    m.put("image", u.image());
    m.put("emailVerified", millis(u.emailVerified()));
    return write(m);
  }

  static User user(String json) {
    Map<String, Object> m = read(json);
    return new User(str(m, "id"), str(m, "name"), str(m, "email"), str(m, "image"), instant(m, "emailVerified"));
  }

  static String account(Account a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("userId", a.userId());
    m.put("type", a.type());
    m.put("provider", a.provider());
    m.put("providerAccountId", a.providerAccountId());
    m.put("access_token", a.accessToken());
    m.put("token_type", a.tokenType());
    m.put("id_token", a.idToken());
    m.put("refresh_token", a.refreshToken());
    m.put("scope", a.scope());
    m.put("expires_at", a.expiresAt());
    m.put("session_state", a.sessionState());
    return write(m);
  }

  static Account account(String json) {
    Map<String, Object> m = read(json);
    Object expiresAt = m.get("expires_at");
    return new Account(str(m, "userId"), str(m, "type"), str(m, "provider"), str(m, "providerAccountId"),
        str(m, "access_token"), str(m, "token_type"), str(m, "id_token"), str(m, "refresh_token"), str(m, "scope"),
        expiresAt == null ? null : ((Number) expiresAt).longValue(), str(m, "session_state"));
  }

  static String session(StoredSession s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("sessionToken", s.sessionToken());
    m.put("userId", s.userId());
    m.put("expires", millis(s.expires()));
    return write(m);
  }

  static StoredSession session(String json) {
    Map<String, Object> m = read(json);
    return new StoredSession(str(m, "sessionToken"), str(m, "userId"), instant(m, "expires"));
  }

  static String token(VerificationToken t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("identifier", t.identifier());
    m.put("token", t.tokenHash());
    m.put("expires", millis(t.expires()));
    return write(m);
  }

  static VerificationToken token(String json) {
    Map<String, Object> m = read(json);
    return new VerificationToken(str(m, "identifier"), str(m, "token"), instant(m, "expires"));
  }

  static String authenticator(Authenticator a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("credentialID", a.credentialId());
    m.put("userId", a.userId());
    m.put("providerAccountId", a.providerAccountId());
    m.put("credentialPublicKey", a.credentialPublicKey());
    m.put("counter", a.counter());
    m.put("credentialDeviceType", a.credentialDeviceType());
    m.put("credentialBackedUp", a.credentialBackedUp());
    m.put("transports", a.transports());
    return write(m);
  }

  static Authenticator authenticator(String json) {
    Map<String, Object> m = read(json);
    return new Authenticator(str(m, "credentialID"), str(m, "userId"), str(m, "providerAccountId"),
        str(m, "credentialPublicKey"), ((Number) m.get("counter")).longValue(), str(m, "credentialDeviceType"),
        Boolean.TRUE.equals(m.get("credentialBackedUp")), str(m, "transports"));
  }

  static String sessionRecord(SessionRecord r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", r.id());
    m.put("userId", r.userId());
    m.put("createdAt", millis(r.createdAt()));
    m.put("lastSeenAt", millis(r.lastSeenAt()));
    m.put("expires", millis(r.expires()));
    m.put("userAgent", r.userAgent());
    m.put("maxAge", r.maxAge() == null ? null : r.maxAge().toMillis());
    m.put("persistent", r.persistent());
    m.put("provider", r.provider());
    m.put("providerSubject", r.providerSubject());
    m.put("providerSessionId", r.providerSessionId());
    m.put("sessionToken", r.sessionToken());
    m.put("update", r.update());
    m.put("updatedAt", millis(r.updatedAt()));
    return write(m);
  }

  @SuppressWarnings("unchecked")
  static SessionRecord sessionRecord(String json) {
    Map<String, Object> m = read(json);
    Object maxAge = m.get("maxAge");
    return new SessionRecord(str(m, "id"), str(m, "userId"), instant(m, "createdAt"), instant(m, "lastSeenAt"),
        instant(m, "expires"), str(m, "userAgent"), maxAge == null ? null : Duration.ofMillis(((Number) maxAge).longValue()),
        Boolean.TRUE.equals(m.get("persistent")), str(m, "provider"), str(m, "providerSubject"),
        str(m, "providerSessionId"), str(m, "sessionToken"), (Map<String, Object>) m.get("update"),
        instant(m, "updatedAt"));
  }

  private static Long millis(Instant i) {
    return i == null ? null : i.toEpochMilli();
  }

  private static Instant instant(Map<String, Object> m, String key) {
    Object v = m.get(key);
    return v == null ? null : Instant.ofEpochMilli(((Number) v).longValue());
  }

  private static String str(Map<String, Object> m, String key) {
    Object v = m.get(key);
    return v == null ? null : v.toString();
  }

  private static String write(Map<String, Object> m) {
    try {
      return JSON.writeValueAsString(m);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a store record", e);
    }
  }

  private static Map<String, Object> read(String json) {
    try {
      return MAP.readValue(json);
    } catch (JsonProcessingException e) {
      throw new StoreException("a store record is not valid JSON (was the key prefix shared with another application?)", e);
    }
  }
}
