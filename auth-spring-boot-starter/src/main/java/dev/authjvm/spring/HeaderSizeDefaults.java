package dev.authjvm.spring;

import dev.authjvm.servlet.AuthFilter;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Raises the web server's header limits to {@value AuthFilter#MIN_REQUEST_HEADER_BYTES} bytes unless the
 * application sets them: a session token over 4 KB travels in several cookies, in both directions, and
 * Tomcat refuses more than 8 KiB of headers by default. A property source of lowest precedence, so any
 * setting of the application's wins.
 */
public final class HeaderSizeDefaults implements EnvironmentPostProcessor {
  static final String SOURCE = "authjvm-header-size-defaults";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    String size = AuthFilter.MIN_REQUEST_HEADER_BYTES + "B";
    environment.getPropertySources().addLast(new MapPropertySource(SOURCE, Map.of(
        "server.max-http-request-header-size", size,
        "server.tomcat.max-http-response-header-size", size,
        "server.jetty.max-http-response-header-size", size)));
  }
}
