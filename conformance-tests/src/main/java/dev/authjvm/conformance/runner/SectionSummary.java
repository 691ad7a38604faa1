package dev.authjvm.conformance.runner;

import dev.authjvm.conformance.KitBase;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Prints, at the end of a run, how many kit checks ran, passed, failed and were skipped, per spec
 * section and per adapter. Registered through {@code META-INF/services}, so it reports in any JUnit
 * Platform run that has the kit on its classpath (Maven Surefire, Gradle, an IDE, the console runner).
 * Sections are the kit's nested classes that extend {@code KitBase.Section}.
 */
public final class SectionSummary implements TestExecutionListener {
  private final PrintStream out;
  private final Map<String, Tally> tallies = new LinkedHashMap<>();
  private final List<String> failures = new ArrayList<>();
  private TestPlan plan;

  public SectionSummary() {
    this(System.out);
  }

  public SectionSummary(PrintStream out) {
    this.out = out;
  }

  /** Counts of one section of one adapter. */
  public static final class Tally {
    int passed;
    int failed;
    int skipped;

    public int passed() {
      return passed;
    }

    public int failed() {
      return failed;
    }

    public int skipped() {
      return skipped;
    }

    int run() {
      return passed + failed;
    }
  }

  @Override
  public void testPlanExecutionStarted(TestPlan testPlan) {
    plan = testPlan;
    tallies.clear();
    failures.clear();
  }

  @Override
  public void executionSkipped(TestIdentifier id, String reason) {
    if (id.isTest()) {
      sectionOf(id).ifPresent(key -> tally(key).skipped++);
    } else {
      // A skipped section (e.g. one needing its own configuration in black-box mode) skips all its checks.
      sectionOf(id).ifPresent(key -> tally(key).skipped += countTests(id));
    }
  }

  @Override
  public void executionFinished(TestIdentifier id, TestExecutionResult result) {
    if (!id.isTest()) {
      // A section whose set-up aborted (it needs its own configuration in black-box mode) reports no checks.
      if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
        sectionOf(id).ifPresent(key -> tally(key).skipped += countTests(id));
      }
      return;
    }
    sectionOf(id).ifPresent(key -> {
      switch (result.getStatus()) {
        case SUCCESSFUL -> tally(key).passed++;
        case FAILED -> {
          tally(key).failed++;
          String message = result.getThrowable().map(t -> String.valueOf(t.getMessage())).orElse("")
              .lines().findFirst().orElse("");
          failures.add(key + " › " + id.getDisplayName() + ": " + message);
        }
        case ABORTED -> tally(key).skipped++;
      }
    });
  }

  @Override
  public void testPlanExecutionFinished(TestPlan testPlan) {
    if (tallies.isEmpty()) {
      return;
    }
    out.println();
    out.println("Auth.js conformance kit: summary per section");
    out.printf("%-80s %5s %6s %6s %7s%n", "adapter / section", "run", "passed", "failed", "skipped");
    tallies.forEach((key, t) ->
        out.printf("%-80s %5d %6d %6d %7d%n", abbreviate(key), t.run(), t.passed, t.failed, t.skipped));
    Tally total = total();
    out.printf("%-80s %5d %6d %6d %7d%n", "total", total.run(), total.passed, total.failed, total.skipped);
    failures.forEach(f -> out.println("FAILED " + f));
  }

  /** The counts of all sections so far. */
  public Tally total() {
    Tally total = new Tally();
    tallies.values().forEach(t -> {
      total.passed += t.passed;
      total.failed += t.failed;
      total.skipped += t.skipped;
    });
    return total;
  }

  /** The counts so far, keyed "adapter / section". */
  public Map<String, Tally> tallies() {
    return Map.copyOf(tallies);
  }

  private Tally tally(String key) {
    return tallies.computeIfAbsent(key, k -> new Tally());
  }

  private long countTests(TestIdentifier container) {
    return plan.getDescendants(container).stream().filter(TestIdentifier::isTest).count();
  }

  private Optional<String> sectionOf(TestIdentifier id) {
    if (plan == null) {
      return Optional.empty();
    }
    TestIdentifier current = id;
    while (current != null) {
      if (isSection(current)) {
        Optional<TestIdentifier> adapter = plan.getParent(current);
        String prefix = adapter.map(TestIdentifier::getDisplayName).orElse("");
        return Optional.of(prefix + " / " + current.getDisplayName());
      }
      current = plan.getParent(current).orElse(null);
    }
    return Optional.empty();
  }

  /** A nested class of the kit that extends its {@code Section}: one server, one group of checks. */
  private static boolean isSection(TestIdentifier id) {
    return id.getSource().filter(ClassSource.class::isInstance).map(ClassSource.class::cast)
        .map(source -> {
          try {
            return KitBase.Section.class.isAssignableFrom(source.getJavaClass());
          } catch (RuntimeException notLoadable) {
            return false;
          }
        }).orElse(false);
  }

  private static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 77) + "...";
  }
}
