package dev.authjvm.servlet;

import dev.authjvm.core.Auth;
import dev.authjvm.core.http.AuthRequest;
import dev.authjvm.core.http.AuthResponse;
import dev.authjvm.core.http.HttpHeaders;
import dev.authjvm.core.http.SetCookie;
import dev.authjvm.core.session.Session;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The Auth.js REST API as a Jakarta Servlet 6 {@link Filter}, for Tomcat, Jetty, Spring MVC and any other
 * Servlet 6 container. Map it to the base path, e.g. with
 * {@link #register(ServletContext, Auth)}; requests outside the base path go on down the chain. It
 * only translates HTTP; every decision is made by {@link Auth}.
 *
 * <pre>{@code
 * Auth auth = Auth.create(AuthConfig.builder().provider(credentials).build());
 * AuthFilter.register(servletContext, auth);                          // serves /api/auth/*
 * servletContext.addFilter("account", AuthFilter.requireSession(auth))
 *     .addMappingForUrlPatterns(null, true, "/account/*");          // pages → sign-in, APIs → 401
 * // in a servlet: AuthFilter.session(auth, request).map(s -> s.user().name())
 * }</pre>
 *
 * <p>The container must accept request headers of {@value #MIN_REQUEST_HEADER_BYTES} bytes: a session
 * token over 4 KB arrives in several cookies, and Tomcat's and Jetty's default limit is 8 KiB.
 */
public final class AuthFilter implements Filter {
  /** The request attribute under which {@link #session} keeps the session it has read. */
  public static final String SESSION_ATTRIBUTE = AuthFilter.class.getName() + ".session";

  /** What the container's request header limit should be at least; Node accepts 16 KiB. */
  public static final int MIN_REQUEST_HEADER_BYTES = 32 * 1024;

  private final Auth auth;

  public AuthFilter(Auth auth) {
    this.auth = Objects.requireNonNull(auth, "auth");
  }

  /** The {@link Auth} this filter serves. */
  public Auth auth() {
    return auth;
  }

  /** Adds an {@link AuthFilter} to the context, mapped to the configured base path, for plain requests only. */
  public static FilterRegistration.Dynamic register(ServletContext context, Auth auth) {
    FilterRegistration.Dynamic registration = context.addFilter(AuthFilter.class.getName(), new AuthFilter(auth));
    if (registration == null) {
      throw new IllegalStateException("an AuthFilter is already registered in this servlet context");
    }
    registration.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, auth.config().basePath() + "/*");
    return registration;
  }

  /**
   * A filter that lets only signed-in requests through, with their session readable by
   * {@link #session}; pages are sent to the sign-in page (and back afterwards), API calls get 401.
   * Map it to what it protects.
   */
  public static Filter requireSession(Auth auth) {
    Objects.requireNonNull(auth, "auth");
    return (request, response, chain) -> {
      HttpServletRequest http = (HttpServletRequest) request;
      Auth.SessionAccess access = auth.requireSession(toAuthRequest(http));
      if (access instanceof Auth.SessionAccess.Granted granted) {
        http.setAttribute(SESSION_ATTRIBUTE, Optional.of(granted.session()));
        chain.doFilter(request, response);
      } else {
        write((HttpServletResponse) response, ((Auth.SessionAccess.Denied) access).response());
      }
    };
  }

  /** The session of the request, read once per request and kept in the attribute {@link #SESSION_ATTRIBUTE}. */
  @SuppressWarnings("unchecked")
  public static Optional<Session> session(Auth auth, HttpServletRequest request) {
    Object cached = request.getAttribute(SESSION_ATTRIBUTE);
    if (cached instanceof Optional<?> known) {
      return (Optional<Session>) known;
    }
    Optional<Session> session = auth.session(toAuthRequest(request));
    request.setAttribute(SESSION_ATTRIBUTE, session);
    return session;
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest http = (HttpServletRequest) request;
    if (!underBasePath(http.getRequestURI())) {
      chain.doFilter(request, response);
      return;
    }
    // The core reads the body: 413 by the declared length before reading, 400 when it cannot be read.
    write((HttpServletResponse) response, auth.handle(toAuthRequest(http), http.getInputStream()));
  }

  private boolean underBasePath(String rawPath) {
    String base = auth.config().basePath();
    return rawPath.startsWith(base) && (rawPath.length() == base.length() || rawPath.charAt(base.length()) == '/');
  }

  /** The request without its body, which the core reads from the stream when it needs it. */
  private static AuthRequest toAuthRequest(HttpServletRequest request) {
    HttpHeaders.Builder headers = HttpHeaders.builder();
    for (String name : Collections.list(request.getHeaderNames())) {
      for (String value : Collections.list(request.getHeaders(name))) {
        headers.add(name, value);
      }
    }
    // getRequestURI and getQueryString are as sent, still percent-encoded.
    return new AuthRequest(request.getMethod(), request.getScheme(), null, request.getRequestURI(),
        request.getQueryString(), headers.build(), null);
  }

  private static void write(HttpServletResponse response, AuthResponse answer) throws IOException {
    response.setStatus(answer.status());
    for (Map.Entry<String, String> h : answer.headers().fields()) {
      response.addHeader(h.getKey(), h.getValue());
    }
    for (SetCookie c : answer.cookies()) {
      response.addHeader("Set-Cookie", c.toHeaderValue());
    }
    response.setContentLength(answer.body().length);
    OutputStream out = response.getOutputStream();
    out.write(answer.body());
    // Sent now: a container may otherwise read (and wait for) a refused body before it answers.
    out.flush();
  }
}
