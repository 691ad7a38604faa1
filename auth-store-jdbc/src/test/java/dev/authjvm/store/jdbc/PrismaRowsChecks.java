package dev.authjvm.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.authjvm.core.store.Authenticator;
import dev.authjvm.core.store.SessionAndUser;
import dev.authjvm.core.store.StoredSession;
import dev.authjvm.core.store.VerificationToken;
import dev.authjvm.core.user.Account;
import dev.authjvm.core.user.User;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One database shared with Auth.js's Prisma adapter: rows written as the adapter writes them are read by
 * the store, and rows the store writes have the values the adapter reads. The adapter's writes are
 * Prisma's: {@code DateTime} as a UTC timestamp, {@code @updatedAt} set by the client, {@code cuid()} ids,
 * {@code expires_at} in epoch seconds, passkey ids and keys in standard Base64 and transports joined by
 * commas (@auth/core {@code webauthn-utils.ts}), and the email token stored as
 * {@code sha256hex(token + secret)} (@auth/core {@code signin/send-token.ts}).
 */
abstract class PrismaRowsChecks {
  static final Instant VERIFIED = Instant.parse("2026-05-04T03:02:01.234Z");
  static final Instant EXPIRES = Instant.parse("2099-01-02T03:04:05.678Z");

  HikariDataSource pool;
  JdbcAuthStore store;

  /** A fresh database with the Prisma adapter's tables. */
  abstract HikariDataSource tables();

  /** Whether the model gives Account and Session an {@code id} of their own (the MySQL model does). */
  abstract boolean idColumns();

  /** {@code sql} with its double-quoted names quoted as this database quotes them. */
  abstract String quoted(String sql);

  @BeforeEach
  void open() {
    pool = tables();
    store = PrismaTables.store(pool);
  }

  @AfterEach
  void close() {
    store.close();
    pool.close();
  }

  @Test
  void aUserAccountAndSessionWrittenByThePrismaAdapterAreReadByTheStore() throws Exception {
    String userId = cuid();
    insert("User", row("id", userId, "name", "Ada", "email", "ada@example.com", "emailVerified", utc(VERIFIED),
        "image", "https://example.com/ada.png", "updatedAt", utc(Instant.now())));
    insert("Account", withId(row("userId", userId, "type", "oidc", "provider", "google", "providerAccountId", "1234",
        "refresh_token", "r-token", "access_token", "a-token", "expires_at", 1893456000, "token_type", "bearer",
        "scope", "openid email", "id_token", "id.token.jwt", "session_state", "state-1",
        "updatedAt", utc(Instant.now()))));
    insert("Session", withId(row("sessionToken", "8f14e45f-ceea-467f-a0e6-0123456789ab", "userId", userId,
        "expires", utc(EXPIRES), "updatedAt", utc(Instant.now()))));

    User ada = new User(userId, "Ada", "ada@example.com", "https://example.com/ada.png", VERIFIED);
    assertEquals(ada, store.getUser(userId).orElseThrow());
    assertEquals(ada, store.getUserByEmail("ada@example.com").orElseThrow());
    assertEquals(ada, store.getUserByAccount("google", "1234").orElseThrow());
    assertEquals(new Account(userId, "oidc", "google", "1234", "a-token", "bearer", "id.token.jwt", "r-token",
        "openid email", 1893456000L, "state-1"), store.getAccount("google", "1234").orElseThrow());
    assertEquals(new SessionAndUser(new StoredSession("8f14e45f-ceea-467f-a0e6-0123456789ab", userId, EXPIRES), ada),
        store.getSessionAndUser("8f14e45f-ceea-467f-a0e6-0123456789ab").orElseThrow());
  }

  @Test
  void aPasskeyWrittenByThePrismaAdapterIsReadAndCountedByTheStore() throws Exception {
    String userId = cuid();
    insert("User", row("id", userId, "email", "bo@example.com", "updatedAt", utc(Instant.now())));
    insert("Authenticator", row("credentialID", "AbC+/dEf0123456789==", "userId", userId,
        "providerAccountId", "AbC+/dEf0123456789==", "credentialPublicKey", "pQECAyYgASFYIPkz", "counter", 7,
        "credentialDeviceType", "multiDevice", "credentialBackedUp", true, "transports", "hybrid,internal"));

    Authenticator passkey = new Authenticator("AbC+/dEf0123456789==", userId, "AbC+/dEf0123456789==",
        "pQECAyYgASFYIPkz", 7, "multiDevice", true, "hybrid,internal");
    assertEquals(passkey, store.getAuthenticator("AbC+/dEf0123456789==").orElseThrow());
    assertEquals(List.of(passkey), store.listAuthenticatorsByUserId(userId));
    assertEquals(8, store.updateAuthenticatorCounter("AbC+/dEf0123456789==", 8).orElseThrow().counter());
    assertEquals(8L, select("SELECT \"counter\" FROM \"Authenticator\" WHERE \"userId\" = ?", userId).get("counter"));
  }

  @Test
  void anEmailTokenStoredByAuthJsIsUsedOnceByTheStoreWithTheSameHash() throws Exception {
    String token = "3f2a9c0b7d1e4f5a6b8c9d0e1f2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c";
    String hash = sha256Hex(token + "the-auth-secret");
    insert("VerificationToken", row("identifier", "cy@example.com", "token", hash, "expires", utc(EXPIRES)));

    assertEquals(new VerificationToken("cy@example.com", hash, EXPIRES),
        store.useVerificationToken("cy@example.com", hash).orElseThrow());
    assertTrue(store.useVerificationToken("cy@example.com", hash).isEmpty());
  }

  @Test
  void rowsWrittenByTheStoreHaveTheValuesThePrismaAdapterReads() throws Exception {
    Instant now = Instant.parse("2026-06-07T08:09:10.111Z");
    String userId = UUID.randomUUID().toString();
    try (JdbcAuthStore clocked = JdbcAuthStore.builder(pool).schema(JdbcSchema.PRISMA)
        .clock(Clock.fixed(now, ZoneOffset.UTC)).build()) {
      writeOneOfEach(clocked, userId);
    }

    assertEquals(Map.of("name", "Di", "email", "di@example.com", "emailVerified", utc(VERIFIED),
            "image", "https://example.com/di.png", "updatedAt", utc(now)),
        select("SELECT \"name\", \"email\", \"emailVerified\", \"image\", \"updatedAt\" FROM \"User\" WHERE \"id\" = ?",
            userId));
    Map<String, Object> account = select("SELECT * FROM \"Account\" WHERE \"userId\" = ?", userId);
    assertEquals(List.of("oauth", "github", "42", "gho_token", "bearer", "ghr_token", "read:user", 1893456000L,
            utc(now)),
        List.of(account.get("type"), account.get("provider"), account.get("providerAccountId"),
            account.get("access_token"), account.get("token_type"), account.get("refresh_token"), account.get("scope"),
            account.get("expires_at"), account.get("updatedAt")));
    Map<String, Object> session = select("SELECT * FROM \"Session\" WHERE \"sessionToken\" = ?", "session-token-di");
    assertEquals(List.of(userId, utc(EXPIRES), utc(now)),
        List.of(session.get("userId"), session.get("expires"), session.get("updatedAt")));
    assertEquals(Map.of("credentialPublicKey", "pQECAyYg", "counter", 0L, "credentialDeviceType", "singleDevice",
            "credentialBackedUp", false, "transports", "usb,nfc"),
        select("SELECT \"credentialPublicKey\", \"counter\", \"credentialDeviceType\", \"credentialBackedUp\","
            + " \"transports\" FROM \"Authenticator\" WHERE \"credentialID\" = ?", "Q3JlZA=="));
    assertEquals(Map.of("token", "ab".repeat(32), "expires", utc(EXPIRES)),
        select("SELECT \"token\", \"expires\" FROM \"VerificationToken\" WHERE \"identifier\" = ?", "di@example.com"));
  }

  private static void writeOneOfEach(JdbcAuthStore store, String userId) {
    store.createUser(new User(userId, "Di", "di@example.com", "https://example.com/di.png", VERIFIED));
    store.linkAccount(new Account(userId, "oauth", "github", "42", "gho_token", "bearer", null, "ghr_token",
        "read:user", 1893456000L, null));
    store.createSession(new StoredSession("session-token-di", userId, EXPIRES));
    store.createAuthenticator(new Authenticator("Q3JlZA==", userId, "Q3JlZA==", "pQECAyYg", 0, "singleDevice",
        false, "usb,nfc"));
    store.createVerificationToken(new VerificationToken("di@example.com", "ab".repeat(32), EXPIRES));
  }

  @Test
  void aPrismaIdIsGivenToTheAccountsAndSessionsTheStoreCreatesWhereTheModelHasOne() throws Exception {
    String userId = UUID.randomUUID().toString();
    store.createUser(User.of(userId, "Ed", "ed@example.com"));
    store.linkAccount(Account.of(userId, "oauth", "github", "43"));
    store.createSession(new StoredSession("session-token-ed", userId, EXPIRES));
    Map<String, Object> account = select("SELECT * FROM \"Account\" WHERE \"userId\" = ?", userId);
    Map<String, Object> session = select("SELECT * FROM \"Session\" WHERE \"userId\" = ?", userId);
    assertEquals(idColumns(), account.containsKey("id"));
    if (idColumns()) {
      assertNotNull(account.get("id"));
      assertNotNull(session.get("id"));
      assertFalse(account.get("id").equals(session.get("id")));
    }
  }

  @Test
  void anUpdateByTheStoreMovesUpdatedAtAsPrismasUpdatedAtDoes() throws Exception {
    Instant later = Instant.parse("2026-08-09T10:11:12.131Z");
    String userId = UUID.randomUUID().toString();
    store.createUser(User.of(userId, "Flo", "flo@example.com"));
    store.createSession(new StoredSession("session-token-flo", userId, EXPIRES));
    try (JdbcAuthStore clocked = JdbcAuthStore.builder(pool).schema(JdbcSchema.PRISMA)
        .clock(Clock.fixed(later, ZoneOffset.UTC)).build()) {
      clocked.updateUser(new User(userId, "Florence", "flo@example.com", null, VERIFIED));
      clocked.updateSession("session-token-flo", EXPIRES.plusSeconds(60));
    }

    assertEquals(utc(later), select("SELECT \"updatedAt\" FROM \"User\" WHERE \"id\" = ?", userId).get("updatedAt"));
    assertEquals(utc(later),
        select("SELECT \"updatedAt\" FROM \"Session\" WHERE \"userId\" = ?", userId).get("updatedAt"));
  }

  @Test
  void expiredSessionsAndTokensArePurgedFromPrismasTablesByTheirTimestamps() {
    String userId = UUID.randomUUID().toString();
    store.createUser(User.of(userId, "Gus", "gus@example.com"));
    store.createSession(new StoredSession("expired-gus", userId, Instant.now().minusSeconds(60)));
    store.createSession(new StoredSession("live-gus", userId, EXPIRES));
    store.createVerificationToken(new VerificationToken("gus@example.com", "cd".repeat(32),
        Instant.now().minusSeconds(60)));
    store.createVerificationToken(new VerificationToken("gus@example.com", "ef".repeat(32), EXPIRES));

    assertEquals(2, store.purgeExpired());
    assertTrue(store.getSessionAndUser("live-gus").isPresent());
    assertTrue(store.useVerificationToken("gus@example.com", "ef".repeat(32)).isPresent());
  }

  // ---- rows as Prisma writes and reads them

  private static String cuid() {
    return "c" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
  }

  static LocalDateTime utc(Instant instant) {
    return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  private static Map<String, Object> row(Object... pairs) {
    Map<String, Object> row = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      row.put((String) pairs[i], pairs[i + 1]);
    }
    return row;
  }

  private Map<String, Object> withId(Map<String, Object> row) {
    if (idColumns()) {
      row.put("id", cuid());
    }
    return row;
  }

  void insert(String table, Map<String, Object> row) throws SQLException {
    String columns = String.join(", ", row.keySet().stream().map(c -> "\"" + c + "\"").toList());
    String sql = "INSERT INTO \"" + table + "\" (" + columns + ") VALUES (" + "?, ".repeat(row.size() - 1) + "?)";
    try (Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement(quoted(sql))) {
      int i = 1;
      for (Object value : row.values()) {
        s.setObject(i++, value);
      }
      s.executeUpdate();
    }
  }

  /** The one row {@code sql} selects, each value as Prisma's types read it (integers as long). */
  Map<String, Object> select(String sql, Object param) throws SQLException {
    try (Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement(quoted(sql))) {
      s.setObject(1, param);
      try (ResultSet rows = s.executeQuery()) {
        List<Map<String, Object>> found = new ArrayList<>();
        while (rows.next()) {
          Map<String, Object> row = new LinkedHashMap<>();
          for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
            String label = rows.getMetaData().getColumnLabel(i);
            Object value = rows.getObject(i);
            if (value instanceof java.sql.Timestamp) {
              value = rows.getObject(i, LocalDateTime.class);
            } else if (value instanceof Number n && !(value instanceof Double)) {
              value = n.longValue();
            }
            if (value != null) {
              row.put(label, value);
            }
          }
          found.add(row);
        }
        assertEquals(1, found.size(), "rows of " + sql);
        return found.get(0);
      }
    }
  }

  static String sha256Hex(String text) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
  }
}
