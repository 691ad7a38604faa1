package dev.authjvm.spring;

import dev.authjvm.core.Auth;
import dev.authjvm.core.session.Session;
import dev.authjvm.servlet.AuthFilter;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Controllers get the session as a method argument: {@code Optional<Session>} is the session or
 * empty; a plain {@code Session} parameter makes the method for signed-in requests only (pages are sent
 * to the sign-in page, API calls get 401, before the method runs).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "org.springframework.web.servlet.config.annotation.WebMvcConfigurer")
class SessionMvcConfiguration implements WebMvcConfigurer {
  private final Auth auth;

  SessionMvcConfiguration(Auth auth) {
    this.auth = auth;
  }

  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(new SessionArguments(auth));
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(new SessionParameterGuard(AuthFilter.requireSession(auth)));
  }

  /** Resolves {@code Session} and {@code Optional<Session>} parameters. */
  static final class SessionArguments implements HandlerMethodArgumentResolver {
    private final Auth auth;

    SessionArguments(Auth auth) {
      this.auth = auth;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
      return requiresSession(parameter) || parameter.getParameterType() == Optional.class
          && ResolvableType.forMethodParameter(parameter).getGeneric(0).resolve() == Session.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
        WebDataBinderFactory binders) {
      Optional<Session> session = AuthFilter.session(auth, request.getNativeRequest(HttpServletRequest.class));
      if (!requiresSession(parameter)) {
        return session;
      }
      // The guard below has let only signed-in requests in; a handler mapping without it gets a plain 401.
      return session.orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED));
    }
  }

  /** Lets a request reach a method with a {@code Session} parameter only when signed in. */
  static final class SessionParameterGuard implements HandlerInterceptor {
    private final Filter guard;

    SessionParameterGuard(Filter guard) {
      this.guard = guard;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws Exception {
      if (!(handler instanceof HandlerMethod method)
          || Arrays.stream(method.getMethodParameters()).noneMatch(SessionMvcConfiguration::requiresSession)) {
        return true;
      }
      boolean[] granted = {false};
      guard.doFilter(request, response, (req, res) -> granted[0] = true);
      return granted[0];
    }
  }

  static boolean requiresSession(MethodParameter parameter) {
    return parameter.getParameterType() == Session.class;
  }
}
