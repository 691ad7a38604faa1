package dev.authjvm.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authjvm.browser.JsProject.Cell;
import dev.authjvm.core.spi.Environment;
import dev.authjvm.demo.DemoApp;
import io.javalin.Javalin;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The official next-auth browser clients, v2, v3, v4 and v5 from npm and unchanged, work against ONE
 * running demo server in its default configuration: each documented call of each version is a test of
 * its own, so the report shows every cell of the README's compatibility table.
 */
class BrowserClientsTest {
  private static final String SECRET = "browser-tests-secret-browser-tests-secret-0123";
  private static final List<String> GROUPS = List.of("v2", "v3", "v4", "v5", "pages");

  @TestFactory
  @DisplayName("against one server:")
  Stream<DynamicNode> everyClientVersionWorksAgainstOneServer() throws Exception {
    Optional<String> missing = Tools.missing();
    if (missing.isPresent()) {
      return Stream.of(Tools.skippedBecause(missing.get()));
    }
    JsProject js = JsProject.inThisModule();
    Path pages = js.installAndBundle();
    // The demo's default configuration, plus its offline OpenID Connect server for the OAuth sign-in.
    Javalin server = DemoApp.start(Environment.of(Map.of(
        "PORT", "0", "AUTH_SECRET", SECRET, "STATIC_DIR", pages.toString(), "AUTH_DEMO_OIDC", "1")));
    List<Cell> cells;
    try {
      cells = js.check("http://127.0.0.1:" + server.port());
    } finally {
      server.stop();
    }
    assertFalse(cells.isEmpty(), "the browser run reported no results");
    Map<String, List<DynamicNode>> byVersion = new LinkedHashMap<>();
    for (Cell cell : cells) {
      byVersion.computeIfAbsent(cell.version(), v -> new ArrayList<>()).add(
          DynamicTest.dynamicTest(cell.call(), () -> assertTrue(cell.ok(), cell.detail())));
    }
    // A version whose checks never ran must not pass by having no cells.
    DynamicTest allRan = DynamicTest.dynamicTest("every client version and our pages were checked",
        () -> assertEquals(GROUPS, List.copyOf(byVersion.keySet())));
    return Stream.concat(Stream.of(allRan),
        byVersion.entrySet().stream().map(e -> DynamicContainer.dynamicContainer(label(e.getKey()), e.getValue())));
  }

  private static String label(String version) {
    return version.equals("pages") ? "our pages in the browser" : "next-auth " + version;
  }
}
