package dev.authjvm.browser;

import dev.authjvm.testsupport.Services;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DynamicTest;

/**
 * What the browser tests need on the machine: Node.js, npm and Debian's Chromium. Missing ones skip
 * the tests with a message saying how to install them, except under {@code CI=true}, where a skip
 * would hide that nothing was checked, so it is a failure instead.
 */
final class Tools {
  static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("AUTH_TEST_CHROMIUM", "/usr/bin/chromium"));

  private Tools() {}

  /** Empty when everything is there, else how to install what is missing. */
  static Optional<String> missing() {
    List<String> missing = new ArrayList<>();
    if (!runs("node")) {
      missing.add("node");
    }
    if (!runs("npm")) {
      missing.add("npm");
    }
    if (!Files.isExecutable(CHROMIUM)) {
      missing.add(CHROMIUM.toString());
    }
    return missing.isEmpty() ? Optional.empty() : Optional.of("the browser tests need " + String.join(", ", missing)
        + "; install them with: apt-get install -y chromium nodejs npm (or set AUTH_TEST_CHROMIUM)");
  }

  /** The one test standing for all cells: skipped, or under CI failed, saying what is missing. */
  static DynamicTest skippedBecause(String how) {
    return DynamicTest.dynamicTest("browser clients", () -> {
      throw Services.missing(how);
    });
  }

  private static boolean runs(String command) {
    try {
      return new ProcessBuilder(command, "--version").redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
