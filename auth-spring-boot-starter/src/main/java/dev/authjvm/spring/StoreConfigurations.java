package dev.authjvm.spring;

import dev.authjvm.core.error.ConfigurationException;
import dev.authjvm.core.store.AuthStore;
import dev.authjvm.store.jdbc.JdbcAuthStore;
import dev.authjvm.store.jdbc.JdbcSchema;
import dev.authjvm.store.redis.RedisAuthStore;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The store {@code authjvm.store} selects, each only when its jar is present (the conditions are read
 * before these classes are loaded). A store bean of the application's own wins over both.
 */
final class StoreConfigurations {
  private StoreConfigurations() {}

  /** {@code authjvm.store=jdbc}: the JDBC store on the application's one {@link DataSource}. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "dev.authjvm.store.jdbc.JdbcAuthStore")
  @ConditionalOnProperty(name = "authjvm.store", havingValue = "jdbc")
  static class Jdbc {
    @Bean
    @ConditionalOnMissingBean(AuthStore.class)
    AuthStore authStore(ObjectProvider<DataSource> dataSource, AuthJvmProperties properties) {
      DataSource ds = dataSource.getIfUnique();
      if (ds == null) {
        throw new ConfigurationException("authjvm.store=jdbc needs exactly one DataSource bean "
            + "(e.g. spring-boot-starter-jdbc with spring.datasource.url)");
      }
      return JdbcAuthStore.builder(ds).schema(schema(properties.jdbc().schema()))
          .createSchema(properties.jdbc().createSchema()).build();
    }

    private static JdbcSchema schema(String setting) {
      try {
        return JdbcSchema.named(setting);
      } catch (ConfigurationException e) {
        throw new ConfigurationException("authjvm.jdbc.schema must be 'native' (the store's own auth_* tables) or"
            + " 'prisma' (the tables of Auth.js's Prisma adapter), not '" + setting + "'");
      }
    }
  }

  /** {@code authjvm.store=redis}: the Redis store at {@code authjvm.redis.url}, closed with the context. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "dev.authjvm.store.redis.RedisAuthStore")
  @ConditionalOnProperty(name = "authjvm.store", havingValue = "redis")
  static class Redis {
    @Bean
    @ConditionalOnMissingBean(AuthStore.class)
    AuthStore authStore(AuthJvmProperties properties) {
      AuthJvmProperties.Redis redis = properties.redis();
      if (redis.url() == null || redis.url().isBlank()) {
        throw new ConfigurationException("authjvm.store=redis needs authjvm.redis.url, e.g. redis://localhost:6379/0");
      }
      return RedisAuthStore.builder(redis.url()).keyPrefix(redis.keyPrefix()).cluster(redis.cluster()).build();
    }
  }
}
