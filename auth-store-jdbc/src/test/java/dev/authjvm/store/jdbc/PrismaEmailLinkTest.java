package dev.authjvm.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.zaxxer.hikari.HikariDataSource;
import dev.authjvm.conformance.KitConfigs;
import dev.authjvm.conformance.http.KitClient;
import dev.authjvm.conformance.spi.ThirdPartyEmailLink;
import dev.authjvm.testsupport.AuthTestServer;
import java.net.URI;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Email links across an Auth.js app and this server on one Prisma database with one secret. Auth.js
 * stores {@code createHash(token + secret)}, lowercase hex SHA-256 (@auth/core
 * {@code lib/actions/signin/send-token.ts}), and its callback looks the row up by the same hash of the
 * link's token ({@code lib/actions/callback/index.ts}).
 */
class PrismaEmailLinkTest {
  static final ThirdPartyEmailLink MAILBOX = new ThirdPartyEmailLink();
  static HikariDataSource pool;
  static AuthTestServer server;

  @BeforeAll
  static void start() {
    pool = PrismaTables.postgres();
    server = AuthTestServer.start(KitConfigs.builder().store(PrismaTables.store(pool)).credentialsDatabaseSessions(true)
        .provider(MAILBOX).build());
  }

  @AfterAll
  static void stop() {
    server.close();
    pool.close();
  }

  @Test
  void aLinkAuthJsSentSignsInHere() throws Exception {
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    String token = HexFormat.of().formatHex(random);
    try (Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement(
        "INSERT INTO \"VerificationToken\" (\"identifier\", \"token\", \"expires\") VALUES (?, ?, ?)")) {
      s.setString(1, "ana@example.com");
      s.setString(2, PrismaRowsChecks.sha256Hex(token + KitConfigs.SECRET));
      s.setObject(3, PrismaRowsChecks.utc(Instant.now().plusSeconds(3600)));
      s.executeUpdate();
    }
    KitClient browser = new KitClient(server.baseUrl());

    assertEquals(302, browser.get("callback/" + ThirdPartyEmailLink.ID + "?token=" + token
        + "&email=ana%40example.com").send().status());
    assertEquals("ana@example.com", browser.get("session").send().json().path("user").path("email").asText());
  }

  @Test
  void aLinkSentHereIsStoredAsAuthJsLooksItUp() throws Exception {
    KitClient browser = new KitClient(server.baseUrl());
    browser.post("signin/" + ThirdPartyEmailLink.ID)
        .form(Map.of("csrfToken", browser.csrfToken(), "email", "bea@example.com")).send();
    String query = URI.create(MAILBOX.lastLinkTo("bea@example.com")).getQuery();
    String token = query.replaceAll(".*(?:^|&)token=([^&]+).*", "$1");

    try (Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement(
        "SELECT \"token\" FROM \"VerificationToken\" WHERE \"identifier\" = ?")) {
      s.setString(1, "bea@example.com");
      try (ResultSet row = s.executeQuery()) {
        row.next();
        assertEquals(PrismaRowsChecks.sha256Hex(token + KitConfigs.SECRET), row.getString(1));
      }
    }
  }
}
