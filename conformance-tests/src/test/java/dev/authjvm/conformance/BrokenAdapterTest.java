package dev.authjvm.conformance;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.authjvm.conformance.runner.SectionSummary;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** The kit catches a broken adapter, and its report names the spec section of each failure. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrokenAdapterTest {
  private List<String> failures;

  @BeforeAll
  void runTheKitAgainstTheBrokenAdapter() {
    ByteArrayOutputStream report = new ByteArrayOutputStream();
    SectionSummary summary = new SectionSummary(new PrintStream(report, true, StandardCharsets.UTF_8));
    // Without auto-registration, so the outer run's summary does not count the fixture's failures.
    var launcher = LauncherFactory.create(LauncherConfig.builder().enableTestExecutionListenerAutoRegistration(false).build());
    launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(BrokenAdapterFixture.class)).build(),
        summary);
    failures = report.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("FAILED ")).toList();
  }

  @Test
  void aMissingHttpOnlyAttributeFailsTheCookieChecksOfItsSection() {
    assertTrue(failures.stream().anyMatch(f -> f.contains("§2.1 GET /csrf") && f.contains("HttpOnly")), String.join("\n", failures));
  }

  @Test
  void aMissingCacheControlHeaderFailsTheSessionChecksOfItsSection() {
    assertTrue(failures.stream().anyMatch(f -> f.contains("§2.3") && f.contains("Cache-Control")), String.join("\n", failures));
  }

  /** A spec section ("§2.3 …"), one of the kit's hardening sections or its passkey section, then the check. */
  @Test
  void everyFailureNamesTheSectionOfItsCheck() {
    assertTrue(!failures.isEmpty() && failures.stream().allMatch(f -> f.matches("FAILED .* / (§[0-9]|Hardening: |Passkeys: ).* › .*")),
        String.join("\n", failures));
  }
}
