package dev.authjvm.demo;

import dev.authjvm.core.Auth;
import dev.authjvm.core.callback.Callbacks;
import dev.authjvm.core.callback.JwtTrigger;
import dev.authjvm.core.config.AuthConfig;
import dev.authjvm.core.config.AuthConfigBuilder;
import dev.authjvm.core.config.SessionStrategy;
import dev.authjvm.core.store.InMemoryAuthStore;
import dev.authjvm.providers.email.ConsoleSender;
import dev.authjvm.providers.email.EmailProvider;
import dev.authjvm.core.spi.Environment;
import dev.authjvm.core.jwt.JwtClaims;
import dev.authjvm.core.provider.CredentialsProvider;
import dev.authjvm.core.user.User;
import dev.authjvm.javalin.AuthPlugin;
import dev.authjvm.metrics.AuthMetrics;
import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A runnable Javalin application: the Auth.js API at {@code /api/auth}, one credentials user, a public
 * page that shows the session, a protected page, and its metrics at {@code /metrics} (Prometheus).
 * Configured only by environment variables.
 */
public final class DemoApp {
  private static final Logger LOG = LoggerFactory.getLogger(DemoApp.class);

  private DemoApp() {}

  public static void main(String[] args) {
    Javalin app = start(Environment.system());
    Runtime.getRuntime().addShutdownHook(new Thread(app::stop));
  }

  /** Starts the demo on {@code PORT} (default 8080; 0 picks a free port). */
  public static Javalin start(Environment env) {
    Map<String, String> vars = new HashMap<>(env.variables());
    if (env.first("AUTH_SECRET", "NEXTAUTH_SECRET").isEmpty()) {
      vars.put("AUTH_SECRET", generatedSecret());
      LOG.warn("\n*****************************************************************\n"
          + "* AUTH_SECRET is not set: using a random development secret.   *\n"
          + "* Sessions end when the demo stops. Set AUTH_SECRET in earnest. *\n"
          + "*****************************************************************");
    }
    if (env.get("AUTH_DEMO_DB").filter("h2"::equalsIgnoreCase).isPresent() && env.get("AUTH_JDBC_URL").isEmpty()) {
      // Database sessions in an embedded H2 file: they survive a restart of the demo.
      vars.put("AUTH_JDBC_URL", "jdbc:h2:file:" + System.getProperty("java.io.tmpdir") + "/authjvm-demo");
    }
    if (vars.containsKey("AUTH_JDBC_URL") && env.get("AUTH_JDBC_CREATE_SCHEMA").isEmpty()) {
      // The demo runs on an empty database (H2, PostgreSQL, MariaDB); applications run the shipped schema
      // through their own migrations instead.
      vars.put("AUTH_JDBC_CREATE_SCHEMA", "true");
    }
    // Passkeys out of the box: the store below (memory, or the database) keeps them.
    vars.putIfAbsent("AUTH_PASSKEY", "true");
    Environment effective = Environment.of(vars);
    String user = effective.get("AUTH_DEMO_USER").orElse("demo");
    String password = effective.get("AUTH_DEMO_PASSWORD").orElse("demo");
    PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    AuthConfigBuilder builder = AuthConfig.builder()
        .environment(effective)
        .observer(AuthMetrics.of(metrics))
        .provider(credentials(user, password))
        // With a store (AUTH_DEMO_DB=h2, AUTH_JDBC_URL, AUTH_REDIS_URL) the demo user gets database sessions too.
        .credentialsDatabaseSessions(true)
        .callbacks(Callbacks.DEFAULTS.withJwt(p -> applyUpdate(p.token(), p.trigger(), p.update())));
    if (effective.get("AUTH_EMAIL_SERVER").isEmpty()) {
      // Email sign-in without SMTP: the link is written to the console.
      builder.provider(EmailProvider.builder(new ConsoleSender()).build());
    }
    if (effective.get("AUTH_JDBC_URL").isEmpty() && effective.get("AUTH_REDIS_URL").isEmpty()) {
      // Email links need a store for their tokens; without a database, memory will do and sessions stay JWT.
      builder.store(new InMemoryAuthStore()).sessionStrategy(SessionStrategy.JWT);
    }
    DemoOidc oidc = effective.flag("AUTH_DEMO_OIDC").orElse(false)
        ? new DemoOidc(Integer.parseInt(effective.get("AUTH_DEMO_OIDC_PORT").orElse("0"))) : null;
    if (oidc != null) {
      builder.provider(oidc.provider());
      LOG.info("AUTH_DEMO_OIDC: an OIDC server runs at {} as provider '{}' (any user name signs in)", oidc.issuer(),
          DemoOidc.PROVIDER_ID);
    }
    Auth auth = Auth.create(builder.build());
    int port = Integer.parseInt(effective.get("PORT").orElse("8080"));
    Optional<String> staticDir = effective.get("STATIC_DIR");
    Javalin app = Javalin.create(config -> {
      config.registerPlugin(new AuthPlugin(c -> c.auth = auth));
      staticDir.ifPresent(dir -> config.staticFiles.add(dir, Location.EXTERNAL));
      config.routes.before("/protected", AuthPlugin.requireSession());
      config.routes.get("/", ctx -> ctx.html(DemoPages.home(ctx.with(AuthPlugin.class).session(), auth.config().basePath())));
      config.routes.get("/protected", ctx -> ctx.html(DemoPages.secret(ctx.with(AuthPlugin.class).session().orElseThrow())));
      // Open to anyone here; a real application serves this to its scraper only (another port, or a guard).
      // scrape() writes the Prometheus text format, version 0.0.4.
      config.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()));
      config.events.serverStopped(auth::close);
      if (oidc != null) {
        config.events.serverStopped(oidc::close);
      }
    }).start(port);
    // The password is never logged: it is the default "demo" unless AUTH_DEMO_PASSWORD chose another.
    LOG.info("demo at http://localhost:{}/ — sign in as '{}' with {}", app.port(), user,
        effective.get("AUTH_DEMO_PASSWORD").isPresent() ? "the password in AUTH_DEMO_PASSWORD" : "the password 'demo'");
    if (auth.config().provider("passkey").isPresent()) {
      // Browsers refuse an IP address as a passkey's relying party id: 127.0.0.1 serves everything else.
      LOG.info("passkeys: open http://localhost:{}/api/auth/signin (not 127.0.0.1) and register one with any address",
          app.port());
    }
    return app;
  }

  /** Checks the one demo user; the comparison does not leak timing. */
  static CredentialsProvider credentials(String user, String password) {
    return CredentialsProvider.builder()
        .field("username", "Username", "text", user)
        .field("password", "Password", "password", "")
        .authorize((creds, request) -> equal(creds.get("username"), user) & equal(creds.get("password"), password)
            ? Optional.of(new User("1", "Demo User", "demo@example.com", null, null))
            : Optional.empty())
        .build();
  }

  /** {@code update({name})} from the client renames the user in the token. */
  @SuppressWarnings("unchecked")
  static JwtClaims applyUpdate(JwtClaims token, JwtTrigger trigger, Object update) {
    if (trigger == JwtTrigger.UPDATE && update instanceof Map<?, ?> data && data.get("name") instanceof String name) {
      return token.with("name", name);
    }
    return token;
  }

  private static boolean equal(String given, String expected) {
    return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
        expected.getBytes(StandardCharsets.UTF_8));
  }

  private static String generatedSecret() {
    byte[] bytes = new byte[33];
    new SecureRandom().nextBytes(bytes);
    return Base64.getEncoder().encodeToString(bytes);
  }
}
