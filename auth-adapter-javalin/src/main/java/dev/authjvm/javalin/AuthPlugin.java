package dev.authjvm.javalin;

import dev.authjvm.core.Auth;
import dev.authjvm.core.config.AuthConfig;
import dev.authjvm.core.http.AuthRequest;
import dev.authjvm.core.http.AuthResponse;
import dev.authjvm.core.http.HttpHeaders;
import dev.authjvm.core.http.SetCookie;
import dev.authjvm.core.session.Session;
import io.javalin.config.JavalinState;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.plugin.ContextPlugin;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The Auth.js REST API in a Javalin 7 application: one plugin that mounts the endpoints under the
 * configured base path, and gives every handler the session through {@code ctx.with(AuthPlugin.class)}.
 *
 * <pre>{@code
 * Javalin.create(config -> {
 *   config.registerPlugin(new AuthPlugin(auth -> auth.config = AuthConfig.builder().provider(users).build()));
 *   config.routes.before("/account/*", AuthPlugin.requireSession());
 * });
 * }</pre>
 *
 * The plugin only translates HTTP; every decision is made by {@link Auth}.
 */
public final class AuthPlugin extends ContextPlugin<AuthPlugin.Config, AuthPlugin.SessionAccessor> {
  private static final List<HandlerType> METHODS = List.of(HandlerType.GET, HandlerType.HEAD, HandlerType.POST,
      HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE, HandlerType.OPTIONS);
  private static final String SESSION_ATTRIBUTE = AuthPlugin.class.getName() + ".session";
  private Auth auth;

  public AuthPlugin(Consumer<Config> userConfig) {
    super(userConfig, new Config());
  }

  /**
   * Settings of the plugin: either a configuration, from which the plugin makes its {@link Auth} (and
   * closes it when the server stops), or one made already (which its maker closes).
   */
  public static final class Config {
    public AuthConfig config;
    public Auth auth;
  }

  /** The session API for one request. */
  public static final class SessionAccessor {
    private final Auth auth;
    private final Context ctx;

    SessionAccessor(Auth auth, Context ctx) {
      this.auth = auth;
      this.ctx = ctx;
    }

    /** The signed-in user's session, or empty; read once per request (a guard's result is reused). */
    public Optional<Session> session() {
      Optional<Session> cached = ctx.attribute(SESSION_ATTRIBUTE);
      if (cached == null) {
        cached = auth.session(toAuthRequest(ctx, new byte[0]));
        ctx.attribute(SESSION_ATTRIBUTE, cached);
      }
      return cached;
    }

    public Auth auth() {
      return auth;
    }
  }

  /** The {@link Auth} this plugin serves; available once the plugin is registered. */
  public Auth auth() {
    if (auth == null) {
      if (pluginConfig.auth == null && pluginConfig.config == null) {
        throw new IllegalStateException("AuthPlugin needs config.config or config.auth");
      }
      auth = pluginConfig.auth != null ? pluginConfig.auth : Auth.create(pluginConfig.config);
    }
    return auth;
  }

  /**
   * A session token over 4 KB arrives in several cookies ({@code .0}, {@code .1}, ...); Jetty's
   * default 8 KiB header limit would refuse them with 431, where Node accepts 16 KiB.
   */
  static final int MIN_REQUEST_HEADER_BYTES = 32 * 1024;

  @Override
  public void onInitialize(JavalinState state) {
    auth(); // fail at start-up, not on the first request
    if (pluginConfig.auth == null) {
      // The plugin made this Auth, so it closes it (and the store it may have opened).
      state.events.serverStopped(auth::close);
    }
    state.jetty.modifyHttpConfiguration(http ->
        http.setRequestHeaderSize(Math.max(http.getRequestHeaderSize(), MIN_REQUEST_HEADER_BYTES)));
  }

  @Override
  public void onStart(JavalinState state) {
    Handler handler = this::handle;
    String path = auth().config().basePath() + "/<path>";
    for (HandlerType method : METHODS) {
      state.routes.addHttpHandler(method, path, handler);
    }
  }

  @Override
  public SessionAccessor createExtension(Context ctx) {
    return new SessionAccessor(auth(), ctx);
  }

  /**
   * A before-handler that lets signed-in requests through and answers the rest: pages are sent to
   * the sign-in page (and back afterwards), API calls get 401.
   */
  public static Handler requireSession() {
    return ctx -> {
      Auth auth = ctx.with(AuthPlugin.class).auth();
      Auth.SessionAccess access = auth.requireSession(toAuthRequest(ctx, new byte[0]));
      if (access instanceof Auth.SessionAccess.Granted granted) {
        ctx.attribute(SESSION_ATTRIBUTE, Optional.of(granted.session()));
      } else {
        write(ctx, ((Auth.SessionAccess.Denied) access).response());
        ctx.skipRemainingHandlers();
      }
    };
  }

  private void handle(Context ctx) throws IOException {
    write(ctx, auth().handle(toAuthRequest(ctx, new byte[0]), ctx.req().getInputStream()));
  }

  static AuthRequest toAuthRequest(Context ctx, byte[] body) {
    HttpServletRequest req = ctx.req();
    HttpHeaders.Builder headers = HttpHeaders.builder();
    for (String name : Collections.list(req.getHeaderNames())) {
      for (String value : Collections.list(req.getHeaders(name))) {
        headers.add(name, value);
      }
    }
    return new AuthRequest(req.getMethod(), req.getScheme(), null, req.getRequestURI(), req.getQueryString(),
        headers.build(), body);
  }

  static void write(Context ctx, AuthResponse response) {
    ctx.status(response.status());
    // set, not add: Javalin has already put its default Content-Type on the response.
    for (Map.Entry<String, String> h : response.headers().fields()) {
      ctx.res().setHeader(h.getKey(), h.getValue());
    }
    for (SetCookie c : response.cookies()) {
      ctx.res().addHeader("Set-Cookie", c.toHeaderValue());
    }
    ctx.result(response.body());
  }
}
