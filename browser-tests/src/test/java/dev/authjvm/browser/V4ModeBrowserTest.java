package dev.authjvm.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authjvm.browser.JsProject.Cell;
import dev.authjvm.conformance.ReferenceServer;
import dev.authjvm.core.spi.Environment;
import dev.authjvm.demo.DemoApp;
import io.javalin.Javalin;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The v2, v3 and v4 clients against the demo in v4 mode ({@code AUTH_PROTOCOL_VERSION=v4}, what a team
 * keeping its NextAuth v4 cookies runs), every scenario they have in {@link BrowserClientsTest}; and the
 * same scenarios against the real NextAuth.js v4 server ({@code nextauth-v4-reference}, serving the same
 * pages), so each is shown to be what NextAuth v4 does. Results: {@code target/v4-mode-results.json} and
 * {@code target/nextauth-v4-reference-results.json}.
 */
class V4ModeBrowserTest {
  private static final String SECRET = "browser-tests-secret-browser-tests-secret-0123";
  private static final List<String> VERSIONS = List.of("v2", "v3", "v4");
  private static final List<String> ONLY_CLIENTS = List.of("--versions", String.join(",", VERSIONS), "--pages", "no");
  /**
   * The scenarios that need what only this project has: its sessions API ({@code /sessions/revoke}) and
   * the demo's own OpenID Connect provider. The real NextAuth v4 server cannot pass them; every other
   * scenario must pass there too.
   */
  private static final Set<String> NOT_ON_NEXTAUTH_V4 = Set.of(
      "revoked from another browser, signed out at the next poll", "signIn('demo-oidc'): OAuth through the identity provider");

  @TestFactory
  @DisplayName("v2–v4 clients against a v4-mode server:")
  Stream<DynamicNode> theV4ClientsWorkAgainstAV4ModeServerAsAgainstNextAuthV4() throws Exception {
    Optional<String> missing = Tools.missing();
    if (missing.isPresent()) {
      return Stream.of(Tools.skippedBecause(missing.get()));
    }
    JsProject js = JsProject.inThisModule();
    Path pages = js.installAndBundle();
    List<Cell> reference;
    try (ReferenceServer nextAuthV4 = ReferenceServer.start(ReferenceServer.Kind.NEXTAUTH_V4,
        Map.of("STATIC_DIR", pages.toString()))) {
      reference = js.check(nextAuthV4.baseUrl().replaceAll("/api/auth$", ""), "nextauth-v4-reference", ONLY_CLIENTS);
    }
    Javalin server = DemoApp.start(Environment.of(Map.of("PORT", "0", "AUTH_SECRET", SECRET,
        "STATIC_DIR", pages.toString(), "AUTH_DEMO_OIDC", "1", "AUTH_PROTOCOL_VERSION", "v4")));
    List<Cell> ours;
    try {
      ours = js.check("http://127.0.0.1:" + server.port(), "v4-mode", ONLY_CLIENTS);
    } finally {
      server.stop();
    }
    assertFalse(ours.isEmpty(), "the browser run reported no results");
    Map<String, Cell> onNextAuth = reference.stream().collect(Collectors.toMap(V4ModeBrowserTest::key, c -> c));
    Map<String, List<DynamicNode>> byVersion = new LinkedHashMap<>();
    for (Cell cell : ours) {
      byVersion.computeIfAbsent(cell.version(), v -> new ArrayList<>()).add(DynamicTest.dynamicTest(cell.call(),
          () -> assertTrue(cell.ok(), cell.detail())));
    }
    List<DynamicNode> nextAuth = new ArrayList<>();
    for (Cell cell : ours) {
      Cell there = onNextAuth.get(key(cell));
      boolean expected = !NOT_ON_NEXTAUTH_V4.contains(cell.call());
      nextAuth.add(DynamicTest.dynamicTest(cell.version() + " " + cell.call() + (expected ? "" : " (fails there, by design)"),
          () -> {
            assertTrue(there != null, "not run against NextAuth v4");
            assertEquals(expected, there.ok(), there.detail());
          }));
    }
    DynamicTest allRan = DynamicTest.dynamicTest("every client version was checked on both servers", () -> {
      assertEquals(VERSIONS, List.copyOf(byVersion.keySet()));
      assertEquals(ours.stream().map(V4ModeBrowserTest::key).toList(), reference.stream().map(V4ModeBrowserTest::key).toList());
    });
    return Stream.of(Stream.<DynamicNode>of(allRan),
        byVersion.entrySet().stream().map(e -> DynamicContainer.dynamicContainer("next-auth " + e.getKey() + " on a v4-mode server",
            e.getValue())),
        Stream.<DynamicNode>of(DynamicContainer.dynamicContainer("the same scenario on the real NextAuth v4 server", nextAuth)))
        .flatMap(s -> s);
  }

  private static String key(Cell cell) {
    return cell.version() + " " + cell.call();
  }
}
