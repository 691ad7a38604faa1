package dev.authjvm.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every public type of the published modules' API says what it is: a javadoc comment stands before
 * each public class, interface, record, enum and annotation (top-level or nested); a kit section's
 * {@code @DisplayName} is its documentation. The core's internal packages are not API and are left out.
 * Read from the sources, since bytecode keeps no comments.
 */
class JavadocTest {
  /** The published modules' sources, from this module's directory. */
  static final List<String> SOURCES = List.of("auth-core", "auth-adapter-undertow", "auth-adapter-javalin",
      "auth-adapter-servlet", "auth-spring-boot-starter", "auth-store-jdbc", "auth-store-redis", "providers/oauth",
      "providers/email", "providers/webauthn", "auth-client", "auth-client-testing", "conformance-tests", "auth-oidc-testing");
  private static final Pattern PUBLIC_TYPE = Pattern.compile(
      "^\\s*public\\s+(?:(?:static|final|abstract|sealed|non-sealed|strictfp)\\s+)*(?:class|interface|record|enum|@interface)\\s+\\w+.*");

  @Test
  void theSourcesAreWhereThisTestLooks() {
    for (String module : SOURCES) {
      assertTrue(Files.isDirectory(root(module)), "no sources at " + root(module).toAbsolutePath());
    }
  }

  @Test
  void everyPublicApiTypeHasJavadoc() {
    List<String> missing = new ArrayList<>();
    for (String module : SOURCES) {
      try (Stream<Path> files = Files.walk(root(module))) {
        files.filter(f -> f.toString().endsWith(".java"))
            .filter(f -> !f.toString().contains("/dev/authjvm/core/internal/"))
            .filter(f -> !f.getFileName().toString().equals("package-info.java"))
            .forEach(f -> missing.addAll(undocumented(f)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    assertEquals(List.of(), missing, "public types without javadoc");
  }

  private static Path root(String module) {
    return Path.of("..", module, "src", "main", "java");
  }

  /** An annotation, with arguments that may hold one level of parentheses, at the end of the text before a type. */
  private static final Pattern TRAILING_ANNOTATION =
      Pattern.compile("@[\\w.]+(?:\\((?:[^()]|\\([^()]*\\))*\\))?\\s*$");

  /** "file:line Name" for each public type declared without a javadoc comment before it. */
  static List<String> undocumented(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> missing = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (!PUBLIC_TYPE.matcher(lines.get(i)).matches()) {
        continue;
      }
      // The text before the declaration, with its annotations (over several lines or not) taken off.
      String before = String.join("\n", lines.subList(0, i)).stripTrailing();
      boolean displayName = false;
      Matcher annotation = TRAILING_ANNOTATION.matcher(before);
      while (annotation.find()) {
        displayName |= annotation.group().startsWith("@DisplayName(");
        before = before.substring(0, annotation.start()).stripTrailing();
        annotation = TRAILING_ANNOTATION.matcher(before);
      }
      if (displayName) {
        continue;
      }
      if (!before.endsWith("*/") || !commentBeforeIsJavadoc(before)) {
        missing.add(file.toString().replace("../", "") + ":" + (i + 1) + " " + lines.get(i).strip());
      }
    }
    return missing;
  }

  /** Whether the comment at the end of {@code text} opens with {@code /**} (on a line of its own start). */
  private static boolean commentBeforeIsJavadoc(String text) {
    String[] lines = text.split("\n");
    for (int k = lines.length - 1; k >= 0; k--) {
      String line = lines[k].strip();
      if (line.startsWith("/*")) {
        return line.startsWith("/**");
      }
    }
    return false;
  }
}
