package dev.authjvm.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authjvm.conformance.runner.ConsoleRunner;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One black-box run of the kit's console runner against an official server, and its printed report. */
record ReferenceRun(int status, String report) {
  private static final Pattern COUNTS = Pattern.compile("(\\d+) checks run: (\\d+) passed, (\\d+) failed; (\\d+) skipped");

  static ReferenceRun of(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = ConsoleRunner.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    String report = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
    System.out.println(report);
    return new ReferenceRun(status, report);
  }

  /** The run exited 0 and ran exactly {@code checks} checks, every one passing, against {@code server}. */
  void assertEveryCheckRanAndPassed(int checks, String server) {
    assertEquals(0, status, report);
    Matcher counts = COUNTS.matcher(report);
    assertTrue(counts.find(), "no summary line: " + report);
    assertEquals(checks, Integer.parseInt(counts.group(1)), "checks run against " + server + ": " + report);
    assertEquals(checks, Integer.parseInt(counts.group(2)), "checks passed against " + server + ": " + report);
  }
}
