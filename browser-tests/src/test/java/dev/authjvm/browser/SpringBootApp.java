package dev.authjvm.browser;

import dev.authjvm.core.provider.CredentialsProvider;
import dev.authjvm.core.user.User;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * A Spring Boot application with the starter as a user sets one up: a secret property, a credentials
 * provider bean (demo / demo, as the browser checks expect), and the bundled client pages as static files.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class SpringBootApp {
  @Bean
  CredentialsProvider credentials() {
    return CredentialsProvider.builder()
        .field("username", "Username", "text", "")
        .field("password", "Password", "password", "")
        .authorize((form, request) -> "demo".equals(form.get("username")) && "demo".equals(form.get("password"))
            ? Optional.of(new User("1", "Demo User", "demo@example.com", null, null)) : Optional.empty())
        .build();
  }

  /** Starts on Tomcat on a free loopback port; the caller closes the context. */
  static ConfigurableApplicationContext start(String secret, Path pages) {
    return new SpringApplicationBuilder(SpringBootApp.class).properties(Map.of(
        "server.port", "0", "server.address", "127.0.0.1", "spring.main.banner-mode", "off",
        "authjvm.secret", secret,
        "spring.web.resources.static-locations", pages.toUri().toString())).run();
  }

  static String origin(ConfigurableApplicationContext context) {
    return "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
  }
}
