package dev.authjvm.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.authjvm.conformance.http.KitClient;
import dev.authjvm.conformance.http.KitResponse;
import dev.authjvm.conformance.http.SetCookieHeader;
import dev.authjvm.core.config.AuthConfigBuilder;
import dev.authjvm.core.jwt.JweFormat;
import dev.authjvm.core.jwt.JwtClaims;
import dev.authjvm.core.jwt.JwtCodec;
import dev.authjvm.testsupport.AuthTestServer;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Moving a NextAuth v4 app's API here without signing anyone out: the real NextAuth.js v4 server
 * ({@code nextauth-v4-reference/}, the kit's configuration and secret) signs a user in through its
 * credentials provider, and our v5 server on Undertow, sharing the secret, takes that
 * {@code next-auth.session-token} with {@code upgradeV4Sessions} and answers it with an
 * {@code authjs.session-token} for the same user, clearing the v4 cookie. Needs Node.js and npm.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class V4SessionUpgradeEndToEndTest {
  private static final String V4 = "next-auth.session-token";
  private static final String V5 = "authjs.session-token";
  private ReferenceServer nextAuthV4;

  @BeforeAll
  void startTheNextAuthV4Server() throws Exception {
    nextAuthV4 = ReferenceServer.start(ReferenceServer.Kind.NEXTAUTH_V4, Map.of());
  }

  @AfterAll
  void stopIt() throws InterruptedException {
    if (nextAuthV4 != null) {
      nextAuthV4.close();
    }
  }

  /** Signs {@code username} in on the real NextAuth v4 server; the browser then holds its session cookie. */
  private KitClient signedInOnNextAuthV4(String username) {
    KitClient browser = new KitClient(URI.create(nextAuthV4.baseUrl()));
    KitResponse r = browser.post("callback/credentials").form(Map.of("csrfToken", browser.csrfToken(),
        "username", username, "password", "demo", "json", "true")).send();
    assertEquals(200, r.status(), r.body());
    assertFalse(v4Cookies(browser).isEmpty(), "NextAuth v4 set no session cookie: " + r.headers("Set-Cookie"));
    return browser;
  }

  /** The NextAuth v4 session cookie (or its chunks), as the browser would send it to the moved API. */
  private static Map<String, String> v4Cookies(KitClient browser) {
    return browser.cookies().entrySet().stream().filter(e -> e.getKey().startsWith(V4))
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  /** A browser on our server that carries the v4 session cookie over (same host in a real move). */
  private static KitClient onOurServer(AuthTestServer server, KitClient fromV4) {
    KitClient browser = new KitClient(server.baseUrl());
    browser.cookies().putAll(v4Cookies(fromV4));
    return browser;
  }

  private static AuthTestServer ourV5Server(boolean upgrade) {
    AuthConfigBuilder config = KitConfigs.builder();
    return AuthTestServer.start((upgrade ? config.upgradeV4Sessions(true) : config).build());
  }

  private static JwtClaims v4Claims(KitClient fromV4) {
    JwtCodec v4 = new JwtCodec(List.of(KitConfigs.SECRET), JweFormat.V4, Clock.systemUTC(), List.of(""));
    return v4.decode(fromV4.cookies().get(V4), "").orElseThrow(() -> new AssertionError("not a v4 token"));
  }

  @Test
  void aNextAuthV4SessionCookieIsTheSameUsersSessionAnsweredWithAV5Cookie() {
    KitClient fromV4 = signedInOnNextAuthV4("demo");
    try (AuthTestServer ours = ourV5Server(true)) {
      KitClient browser = onOurServer(ours, fromV4);
      KitResponse r = browser.get("session").send();
      JsonNode user = r.json().path("user");
      assertEquals("Demo User", user.path("name").asText(), r.body());
      assertEquals("demo@example.com", user.path("email").asText());
      SetCookieHeader v5 = r.setCookie(V5).orElseThrow(() -> new AssertionError("no v5 cookie: " + r.headers("Set-Cookie")));
      assertFalse(v5.isDeletion());
      assertTrue(r.setCookie(V4).orElseThrow(() -> new AssertionError("the v4 cookie is not cleared")).isDeletion());
      JwtClaims upgraded = new JwtCodec(List.of(KitConfigs.SECRET), JweFormat.V5, Clock.systemUTC(), List.of(V5))
          .decode(v5.rawValue(), V5).orElseThrow(() -> new AssertionError("the new cookie is not a v5 token"));
      assertEquals(v4Claims(fromV4).sub(), upgraded.sub(), "the same user id (sub) as NextAuth v4's token");
    }
  }

  @Test
  void afterTheUpgradeTheV5CookieAloneIsTheSession() {
    KitClient fromV4 = signedInOnNextAuthV4("demo");
    try (AuthTestServer ours = ourV5Server(true)) {
      KitClient browser = onOurServer(ours, fromV4);
      browser.get("session").send();
      assertFalse(browser.cookies().containsKey(V4));
      assertEquals("Demo User", browser.get("session").send().json().path("user").path("name").asText());
    }
  }

  @Test
  void whatTheV4AppsJwtCallbackPutInTheTokenIsCarriedOver() {
    KitClient fromV4 = signedInOnNextAuthV4("demo");
    KitResponse renamed = fromV4.post("session").body("application/json",
        "{\"csrfToken\":\"" + fromV4.csrfToken() + "\",\"data\":{\"name\":\"Renamed On V4\"}}").send();
    assertEquals("Renamed On V4", renamed.json().path("user").path("name").asText());
    try (AuthTestServer ours = ourV5Server(true)) {
      assertEquals("Renamed On V4", onOurServer(ours, fromV4).get("session").send().json().path("user").path("name").asText());
    }
  }

  @Test
  void aChunkedNextAuthV4SessionCookieIsUpgradedToo() {
    KitClient fromV4 = signedInOnNextAuthV4("big");
    assertTrue(v4Cookies(fromV4).containsKey(V4 + ".1"), "NextAuth v4 chunks the big user's token: " + v4Cookies(fromV4).keySet());
    try (AuthTestServer ours = ourV5Server(true)) {
      KitClient browser = onOurServer(ours, fromV4);
      KitResponse r = browser.get("session").send();
      assertEquals("Big User", r.json().path("user").path("name").asText(), r.body());
      assertTrue(r.setCookie(V4 + ".0").orElseThrow(() -> new AssertionError("chunk 0 not cleared: "
          + r.headers("Set-Cookie"))).isDeletion());
      assertTrue(browser.cookies().keySet().stream().noneMatch(n -> n.startsWith(V4)), browser.cookies().keySet().toString());
    }
  }

  @Test
  void withoutTheSettingANextAuthV4CookieIsNoSessionAndLeftAlone() {
    KitClient fromV4 = signedInOnNextAuthV4("demo");
    try (AuthTestServer ours = ourV5Server(false)) {
      KitResponse r = onOurServer(ours, fromV4).get("session").send();
      assertEquals("null", r.body());
      assertTrue(r.setCookie(V4).isEmpty(), r.headers("Set-Cookie").toString());
      assertTrue(r.setCookie(V5).isEmpty(), r.headers("Set-Cookie").toString());
    }
  }
}
