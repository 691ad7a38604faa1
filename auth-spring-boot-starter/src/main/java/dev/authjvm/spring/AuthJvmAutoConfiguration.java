package dev.authjvm.spring;

import dev.authjvm.core.Auth;
import dev.authjvm.core.config.AuthConfig;
import dev.authjvm.core.error.ConfigurationException;
import dev.authjvm.core.observe.AuthObserver;
import dev.authjvm.core.provider.Provider;
import dev.authjvm.core.store.AuthStore;
import dev.authjvm.servlet.AuthFilter;
import jakarta.servlet.DispatcherType;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;

/**
 * Serves the Auth.js REST API in a Spring Boot servlet application: an {@link Auth} bean built from
 * the {@code authjvm.*} properties (and the {@code AUTH_*} environment variables for what they leave
 * unset), every {@link Provider} bean, a store when {@code authjvm.store} asks for one, the one
 * {@link AuthObserver} bean if there is one (metrics when a {@code MeterRegistry} is there), and the
 * {@link AuthFilter} at the base path. Define an {@link AuthConfig} or {@link Auth} bean of your own to
 * replace what is built here, or {@link AuthConfigCustomizer} beans to add to it. It runs after the
 * DataSource and the MeterRegistry (Boot's composite registry comes after every exporter's).
 */
@AutoConfiguration(afterName = {"org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
    "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(AuthJvmProperties.class)
@Import({StoreConfigurations.Jdbc.class, StoreConfigurations.Redis.class, MetricsConfiguration.class,
    SessionMvcConfiguration.class})
public class AuthJvmAutoConfiguration {
  /**
   * Runs after the character encoding and observation filters, before the form-content filter (which
   * would consume some bodies) and before Spring Security, whose CSRF rules do not apply to the API.
   */
  public static final int FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

  @Bean
  @ConditionalOnMissingBean
  AuthConfig authConfig(AuthJvmProperties properties, ObjectProvider<Provider> providers,
      ObjectProvider<AuthStore> store, ObjectProvider<AuthObserver> observers, ObjectProvider<AuthConfigCustomizer> customizers) {
    var builder = PropertiesConfig.builder(properties);
    providers.orderedStream().forEach(builder::provider);
    AuthStore selected = store.getIfUnique();
    if (selected != null) {
      builder.store(selected);
    } else if (properties.store() != AuthJvmProperties.StoreKind.NONE) {
      String jar = properties.store() == AuthJvmProperties.StoreKind.JDBC ? "auth-store-jdbc" : "auth-store-redis";
      throw new ConfigurationException("authjvm.store=" + properties.store().name().toLowerCase(java.util.Locale.ROOT)
          + " needs dev.authjvm:" + jar + " among the application's dependencies");
    }
    AuthObserver observer = observers.getIfUnique();
    if (observer != null) {
      builder.observer(observer);
    } else if (observers.stream().findAny().isPresent()) {
      throw new ConfigurationException("several AuthObserver beans and none of them @Primary: the configuration takes one "
          + "(combine them in one bean)");
    }
    customizers.orderedStream().forEach(c -> c.customize(builder));
    return builder.build();
  }

  @Bean
  @ConditionalOnMissingBean
  Auth auth(AuthConfig config) {
    return Auth.create(config);
  }

  @Bean
  FilterRegistrationBean<AuthFilter> authFilterRegistration(Auth auth) {
    FilterRegistrationBean<AuthFilter> registration = new FilterRegistrationBean<>(new AuthFilter(auth));
    registration.addUrlPatterns(auth.config().basePath() + "/*");
    registration.setDispatcherTypes(DispatcherType.REQUEST);
    registration.setOrder(FILTER_ORDER);
    return registration;
  }

  /** {@code authjvm.protected-paths}: off while the list is empty. */
  @Bean
  @ConditionalOnClass(name = "org.springframework.web.util.pattern.PathPattern")
  FilterRegistrationBean<ProtectedPathsFilter> protectedPathsRegistration(Auth auth, AuthJvmProperties properties) {
    List<String> patterns = properties.protectedPaths();
    FilterRegistrationBean<ProtectedPathsFilter> registration =
        new FilterRegistrationBean<>(new ProtectedPathsFilter(AuthFilter.requireSession(auth), patterns));
    registration.setDispatcherTypes(DispatcherType.REQUEST);
    registration.setOrder(FILTER_ORDER + 1);
    registration.setEnabled(!patterns.isEmpty());
    return registration;
  }
}
