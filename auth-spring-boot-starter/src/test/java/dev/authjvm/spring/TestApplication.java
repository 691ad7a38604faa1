package dev.authjvm.spring;

import dev.authjvm.core.session.Session;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A Spring Boot application as a user writes one: auto-configuration and a controller, no component
 * scan (which would find the starter's own configuration classes in this package).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(TestApplication.Pages.class)
class TestApplication {

  /** A plain servlet beside Spring MVC, which the container maps by the normalized path. */
  @Bean
  ServletRegistrationBean<HttpServlet> accountServlet() {
    return new ServletRegistrationBean<>(new HttpServlet() {
      @Override
      protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.getWriter().write("a servlet page");
      }
    }, "/account/servlet/*");
  }

  @RestController
  static class Pages {
    @GetMapping("/hello")
    String hello(Optional<Session> session) {
      return "hello " + session.map(s -> s.user().name()).orElse("stranger");
    }

    @GetMapping("/me")
    Map<String, Object> me(Session session) {
      return Map.of("name", session.user().name());
    }

    @GetMapping({"/account/page", "/open"})
    String page() {
      return "a page";
    }
  }

  /** A running application on Tomcat on a free loopback port. */
  record Running(ConfigurableApplicationContext context, String origin) implements AutoCloseable {
    @Override
    public void close() {
      context.close();
    }
  }

  /** Starts the application with these properties (on top of a free port and quiet logs), plus beans. */
  static Running start(Map<String, Object> properties, Object... beans) {
    SpringApplication app = new SpringApplicationBuilder(TestApplication.class)
        .properties(Map.of("server.port", "0", "server.address", "127.0.0.1", "spring.main.banner-mode", "off",
            "logging.level.root", "warn"))
        .properties(properties)
        .initializers(context -> {
          for (Object bean : beans) {
            context.getBeanFactory().registerSingleton(bean.getClass().getName() + "#" + System.identityHashCode(bean), bean);
          }
        })
        .build();
    ConfigurableApplicationContext context = app.run();
    int port = ((WebServerApplicationContext) context).getWebServer().getPort();
    return new Running(context, "http://127.0.0.1:" + port);
  }
}
