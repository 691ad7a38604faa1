import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * CI's check that every expected test class ran: compares the test cases each class ran (not skipped)
 * in the surefire reports with the minimums in .ci/expected-tests.txt. A class whose set-up aborted
 * (an assumption in @BeforeAll or in a @Nested section's set-up) leaves fewer test cases, or none, and
 * no <skipped> element, so counting skips alone cannot see it.
 *
 * Usage, from the repository root after a full build:
 *   java .ci/TestCounts.java check .ci/expected-tests.txt
 *   java .ci/TestCounts.java write > .ci/expected-tests.txt    (after adding or removing tests)
 */
public class TestCounts {
  public static void main(String[] args) throws Exception {
    Map<String, Integer> ran = ranPerClass(Path.of("."));
    if (args.length == 1 && args[0].equals("write")) {
      System.out.println("# Test cases each class must run (not skipped) in CI, from its surefire report:");
      System.out.println("# <module>/<class> <minimum>. After adding or removing tests, regenerate it from a full");
      System.out.println("# green run: java .ci/TestCounts.java write > .ci/expected-tests.txt");
      ran.forEach((k, v) -> System.out.println(k + " " + v));
      return;
    }
    if (args.length != 2 || !args[0].equals("check")) {
      System.err.println("usage: java .ci/TestCounts.java check <expected-file> | write");
      System.exit(2);
    }
    Map<String, Integer> expected = new TreeMap<>();
    for (String line : Files.readAllLines(Path.of(args[1]))) {
      if (!line.isBlank() && !line.startsWith("#")) {
        String[] parts = line.trim().split("\\s+");
        expected.put(parts[0], Integer.parseInt(parts[1]));
      }
    }
    List<String> problems = new ArrayList<>();
    expected.forEach((suite, min) -> {
      Integer n = ran.get(suite);
      if (n == null) {
        problems.add(suite + ": no surefire report: the class did not run");
      } else if (n < min) {
        problems.add(suite + ": ran " + n + " test cases, expected at least " + min);
      }
    });
    ran.keySet().stream().filter(s -> !expected.containsKey(s)).forEach(s ->
        problems.add(s + ": not in " + args[1] + " (add it: java .ci/TestCounts.java write)"));
    int total = ran.values().stream().mapToInt(Integer::intValue).sum();
    if (!problems.isEmpty()) {
      System.out.println("CI: test suites missing or smaller than expected (a service or tool missing in a set-up"
          + " that was skipped, or tests removed without updating " + args[1] + "):");
      problems.forEach(p -> System.out.println("  " + p));
      System.exit(1);
    }
    System.out.println("CI: all " + expected.size() + " expected test classes ran (" + total + " test cases).");
  }

  /** module/class -> test cases that ran (not skipped), from the reports of modules one or two levels down. */
  static Map<String, Integer> ranPerClass(Path root) throws IOException {
    Map<String, Integer> ran = new TreeMap<>();
    List<Path> modules = new ArrayList<>();
    try (Stream<Path> top = Files.list(root)) {
      for (Path dir : top.filter(Files::isDirectory).toList()) {
        modules.add(dir);
        try (Stream<Path> nested = Files.list(dir)) {
          nested.filter(Files::isDirectory).forEach(modules::add);
        }
      }
    }
    for (Path module : modules) {
      Path reports = module.resolve("target/surefire-reports");
      if (!Files.isDirectory(reports)) {
        continue;
      }
      try (Stream<Path> files = Files.list(reports)) {
        for (Path report : files.filter(p -> p.getFileName().toString().matches("TEST-.*\\.xml")).toList()) {
          String suite = root.relativize(module) + "/" + report.getFileName().toString().replaceAll("^TEST-|\\.xml$", "");
          ran.merge(suite, ranIn(report), Integer::sum);
        }
      }
    }
    return ran;
  }

  static int ranIn(Path report) {
    try {
      var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(report.toFile());
      NodeList cases = doc.getElementsByTagName("testcase");
      int n = 0;
      for (int i = 0; i < cases.getLength(); i++) {
        if (((Element) cases.item(i)).getElementsByTagName("skipped").getLength() == 0) {
          n++;
        }
      }
      return n;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (Exception e) {
      throw new IllegalStateException("cannot read " + report + ": " + e, e);
    }
  }
}
