package dev.authjvm.spring;

import dev.authjvm.core.observe.AuthObserver;
import dev.authjvm.metrics.AuthMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@link AuthMetrics} as the observer when the application has a {@link MeterRegistry} (the actuator
 * gives one) and {@code auth-metrics-micrometer} among its dependencies; the conditions are read before
 * this class is loaded. An {@link AuthObserver} bean of the application's own replaces it. Boot's
 * {@code management.metrics.*} settings (common tags, {@code distribution.percentiles-histogram}) apply
 * to these meters as to any other.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "dev.authjvm.metrics.AuthMetrics")
@ConditionalOnBean(type = "io.micrometer.core.instrument.MeterRegistry")
class MetricsConfiguration {
  @Bean
  @ConditionalOnMissingBean(AuthObserver.class)
  AuthMetrics authMetrics(MeterRegistry registry) {
    return AuthMetrics.of(registry);
  }
}
