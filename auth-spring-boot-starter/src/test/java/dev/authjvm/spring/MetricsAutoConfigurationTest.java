package dev.authjvm.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authjvm.core.Auth;
import dev.authjvm.core.error.ConfigurationException;
import dev.authjvm.core.observe.AuthObserver;
import dev.authjvm.metrics.AuthMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Metrics without a line of code: Boot's metrics auto-configuration (what the actuator brings) gives a
 * {@link MeterRegistry}, and the starter makes {@link AuthMetrics} the observer.
 */
class MetricsAutoConfigurationTest {
  static final Map<String, Object> SECRET = Map.of("authjvm.secret", TestProviders.SECRET);
  /** Boot's registries: the simple one, and the empty composite it makes when there is none. */
  static final String NO_REGISTRY = "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple."
      + "SimpleMetricsExportAutoConfiguration,"
      + "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration";

  /** An application's own observer: remembers the sign-ins it is told of. */
  static final class SignInLog implements AuthObserver {
    final List<String> signIns = new CopyOnWriteArrayList<>();

    @Override
    public void signIn(String provider, String outcome) {
      signIns.add(provider + " " + outcome);
    }
  }

  @Test
  void withBootsMeterRegistryASignInIsCounted() throws Exception {
    try (TestApplication.Running app = TestApplication.start(SECRET, TestProviders.credentials())) {
      new Browser(app.origin(), "/api/auth").signIn("pw");

      MeterRegistry registry = app.context().getBean(MeterRegistry.class);
      assertEquals(1, registry.get(AuthMetrics.SIGN_INS).tags("provider", "credentials", "outcome", "success")
          .counter().count());
    }
  }

  @Test
  void withoutAMeterRegistryNothingObserves() {
    try (TestApplication.Running app = TestApplication.start(Map.of("authjvm.secret", TestProviders.SECRET,
        "spring.autoconfigure.exclude", NO_REGISTRY), TestProviders.credentials())) {
      assertTrue(app.context().getBeansOfType(MeterRegistry.class).isEmpty(), "no registry in this application");
      assertTrue(app.context().getBeansOfType(AuthMetrics.class).isEmpty());
      assertSame(AuthObserver.NONE, app.context().getBean(Auth.class).config().observer());
    }
  }

  @Test
  void anObserverBeanOfTheApplicationTakesThePlaceOfTheMetrics() throws Exception {
    SignInLog log = new SignInLog();
    try (TestApplication.Running app = TestApplication.start(SECRET, TestProviders.credentials(), log)) {
      new Browser(app.origin(), "/api/auth").signIn("pw");

      assertEquals(List.of("credentials success"), log.signIns);
      assertTrue(app.context().getBeansOfType(AuthMetrics.class).isEmpty());
      assertNull(app.context().getBean(MeterRegistry.class).find(AuthMetrics.SIGN_INS).counter());
    }
  }

  @Test
  void twoObserverBeansStopTheStartUpSayingSo() {
    Throwable e = assertThrows(Exception.class,
        () -> TestApplication.start(SECRET, TestProviders.credentials(), new SignInLog(), new SignInLog()));
    while (!(e instanceof ConfigurationException) && e.getCause() != null) {
      e = e.getCause();
    }
    assertTrue(e.getMessage().startsWith("several AuthObserver beans"), e.getMessage());
  }
}
