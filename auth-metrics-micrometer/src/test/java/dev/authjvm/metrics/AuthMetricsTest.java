package dev.authjvm.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The observer's own settings and rules, told of events directly (the server tests drive real requests). */
class AuthMetricsTest {
  final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  @Test
  void aMeterIsRegisteredOnFirstUseAndFoundAgainAfter() {
    AuthMetrics metrics = AuthMetrics.of(registry);
    assertEquals(List.of(), registry.getMeters());

    metrics.signIn("github", "success");
    Counter first = registry.get(AuthMetrics.SIGN_INS).counter();
    metrics.signIn("github", "success");

    assertEquals(1, registry.getMeters().size());
    assertSame(first, registry.get(AuthMetrics.SIGN_INS).counter());
    assertEquals(2, first.count());
  }

  @Test
  void commonTagsAreOnEveryMeter() {
    AuthMetrics metrics = AuthMetrics.builder(registry).tags(Tags.of("app", "shop")).build();

    observeEachKindOfEvent(metrics);

    assertEquals(6, registry.getMeters().size());
    for (Meter meter : registry.getMeters()) {
      assertEquals("shop", meter.getId().getTag("app"), meter.getId().toString());
    }
  }

  /** Every event once, as the core would tell it. */
  static void observeEachKindOfEvent(AuthMetrics metrics) {
    metrics.signIn("github", "success");
    metrics.sessionRead(true);
    metrics.csrfRejected("signout");
    metrics.rateLimited("email", "email");
    metrics.tokenRefresh("github", true);
    metrics.storeCall("getUser", Duration.ofMillis(3), false);
  }

  @Test
  void aPrometheusScrapeShowsTheDocumentedNames() {
    PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    observeEachKindOfEvent(AuthMetrics.of(prometheus));

    String scrape = prometheus.scrape();

    for (String series : List.of("authjvm_signins_total{outcome=\"success\",provider=\"github\"} 1",
        "authjvm_session_reads_total{signed_in=\"true\"} 1", "authjvm_csrf_failures_total{action=\"signout\"} 1",
        "authjvm_rate_limited_total{kind=\"email\",provider=\"email\"} 1",
        "authjvm_token_refreshes_total{outcome=\"success\",provider=\"github\"} 1",
        "authjvm_store_calls_seconds_count{operation=\"getUser\",outcome=\"success\"} 1",
        "authjvm_store_calls_seconds_sum{operation=\"getUser\",outcome=\"success\"} 0.003",
        "authjvm_store_calls_seconds_max{operation=\"getUser\",outcome=\"success\"} 0.003")) {
      assertTrue(scrape.contains(series), series + " in\n" + scrape);
    }
  }

  @Test
  void theStoreTimerHasNoHistogramOrPercentilesUnlessAsked() {
    PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    AuthMetrics.of(prometheus).storeCall("getUser", Duration.ofMillis(3), false);

    String scrape = prometheus.scrape();

    assertFalse(scrape.contains("authjvm_store_calls_seconds_bucket"), scrape);
    assertFalse(scrape.contains("quantile="), scrape);
  }

  @Test
  void theStoreTimerPublishesAHistogramWhenAsked() {
    PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    AuthMetrics.builder(prometheus).storeLatencyHistogram(true).build().storeCall("getUser", Duration.ofMillis(3), false);

    assertTrue(prometheus.scrape().contains("authjvm_store_calls_seconds_bucket{"), prometheus.scrape());
  }

  @Test
  void theStoreTimerPublishesPercentilesWhenAsked() {
    PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    AuthMetrics.builder(prometheus).storeLatencyPercentiles(0.5, 0.99).build().storeCall("getUser", Duration.ofMillis(3), false);

    String scrape = prometheus.scrape();

    assertTrue(scrape.contains("quantile=\"0.5\"") && scrape.contains("quantile=\"0.99\""), scrape);
  }

  @Test
  void aPercentileOutsideZeroToOneIsRefusedNamingTheSetting() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> AuthMetrics.builder(registry).storeLatencyPercentiles(0.5, 99));
    assertTrue(e.getMessage().startsWith("storeLatencyPercentiles: 99.0"), e.getMessage());
  }

  @Test
  void aValueThatIsNotAnIdentifierIsCountedAsOther() {
    AuthMetrics metrics = AuthMetrics.of(registry);

    metrics.signIn("git hub", "success");
    metrics.signIn("<script>", "success");
    metrics.signIn("a".repeat(65), "success");
    metrics.signIn(null, "success");

    assertEquals(4, registry.get(AuthMetrics.SIGN_INS).tag("provider", BoundedTagValues.OTHER).counter().count());
    assertEquals(1, registry.getMeters().size());
  }
}
