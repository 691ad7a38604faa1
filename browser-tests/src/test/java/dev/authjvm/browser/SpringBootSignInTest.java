package dev.authjvm.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authjvm.browser.JsProject.Cell;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The official v5 client (next-auth/react 5, unchanged) signs in against a Spring Boot application that
 * has only the starter, a secret property and a credentials provider bean: the wrong password is refused
 * and the right one signs in, the session shown without a reload.
 */
class SpringBootSignInTest {
  private static final String SECRET = "browser-tests-spring-secret-0123456789abcdef";
  private static final List<String> CALLS = List.of("signIn credentials, wrong password", "signIn credentials, right password");

  @TestFactory
  @DisplayName("next-auth v5 against a Spring Boot application:")
  Stream<DynamicNode> theV5ClientSignsInAgainstSpringBoot() throws Exception {
    Optional<String> missing = Tools.missing();
    if (missing.isPresent()) {
      return Stream.of(Tools.skippedBecause(missing.get()));
    }
    JsProject js = JsProject.inThisModule();
    Path pages = js.installAndBundle();
    List<Cell> cells;
    try (ConfigurableApplicationContext app = SpringBootApp.start(SECRET, pages)) {
      cells = js.check(SpringBootApp.origin(app), "spring-boot", List.of("--versions", "v5", "--calls", "signIn credentials"));
    }
    DynamicTest allRan = DynamicTest.dynamicTest("both sign-in checks ran",
        () -> assertEquals(CALLS, cells.stream().map(Cell::call).toList()));
    return Stream.concat(Stream.of(allRan),
        cells.stream().map(cell -> DynamicTest.dynamicTest(cell.call(), () -> assertTrue(cell.ok(), cell.detail()))));
  }
}
