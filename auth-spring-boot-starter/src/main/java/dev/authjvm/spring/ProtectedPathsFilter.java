package dev.authjvm.spring;

import dev.authjvm.core.error.ConfigurationException;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import org.springframework.web.util.pattern.PatternParseException;

/** Sends requests whose path matches one of {@code authjvm.protected-paths} through the session guard. */
final class ProtectedPathsFilter implements Filter {
  private final Filter guard;
  private final List<PathPattern> patterns;

  ProtectedPathsFilter(Filter guard, List<String> patterns) {
    this.guard = guard;
    this.patterns = patterns.stream().map(ProtectedPathsFilter::parse).toList();
  }

  private static PathPattern parse(String pattern) {
    try {
      return PathPatternParser.defaultInstance.parse(pattern);
    } catch (PatternParseException e) {
      throw new ConfigurationException("authjvm.protected-paths: '" + pattern + "' is not a path pattern: " + e.getMessage());
    }
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest http = (HttpServletRequest) request;
    // The path within the application as the container decoded and normalized it to choose the servlet:
    // the raw one could walk past a pattern with dot segments (/open/../account/x).
    String pathInfo = http.getPathInfo();
    PathContainer path = PathContainer.parsePath(http.getServletPath() + (pathInfo == null ? "" : pathInfo));
    if (patterns.stream().anyMatch(p -> p.matches(path))) {
      guard.doFilter(request, response, chain);
    } else {
      chain.doFilter(request, response);
    }
  }
}
