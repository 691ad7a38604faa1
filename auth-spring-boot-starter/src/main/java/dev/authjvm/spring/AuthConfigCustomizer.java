package dev.authjvm.spring;

import dev.authjvm.core.config.AuthConfigBuilder;

/**
 * A bean that changes the configuration the starter builds from the {@code authjvm.*} properties,
 * before it is validated: callbacks, events, pages, a theme, anything the builder offers. Several are
 * applied in their {@link org.springframework.core.annotation.Order order}. Define your own
 * {@code AuthConfig} bean instead to take over entirely.
 */
@FunctionalInterface
public interface AuthConfigCustomizer {
  void customize(AuthConfigBuilder builder);
}
