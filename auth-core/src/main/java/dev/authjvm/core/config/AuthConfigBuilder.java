package dev.authjvm.core.config;

import dev.authjvm.core.callback.AuthEvents;
import dev.authjvm.core.callback.Callbacks;
import dev.authjvm.core.callback.SessionLifetimeCallback;
import dev.authjvm.core.observe.AuthObserver;
import dev.authjvm.core.provider.Provider;
import dev.authjvm.core.ratelimit.RateLimiter;
import dev.authjvm.core.spi.Environment;
import dev.authjvm.core.store.AuthStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Builds an {@link AuthConfig}. It only records what you set; {@link #build()} resolves every setting
 * once (what is unset is read from the environment, {@code AUTH_SECRET}, {@code AUTH_URL}, ..., then
 * defaults apply), validates it, and returns an immutable configuration. The builder itself is not
 * changed by {@code build()}. Not thread-safe.
 */
public final class AuthConfigBuilder {
  /** 32 characters: what {@code openssl rand -base64 24} gives; Auth.js's generator gives 44. */
  public static final int MIN_SECRET_LENGTH = 32;
  /** Email links per address unless {@code AUTH_EMAIL_RATE_LIMIT} says otherwise: enough for typos and lost mail. */
  public static final String DEFAULT_EMAIL_RATE_LIMIT = "5/h";

  List<String> secrets;
  String url;
  Boolean trustHost;
  List<String> allowedHosts;
  String basePath;
  ProtocolVersion protocol;
  SessionStrategy sessionStrategy;
  Duration sessionMaxAge;
  Duration sessionUpdateAge;
  Duration sessionShortMaxAge;
  Duration sessionAbsoluteMaxAge;
  SessionLifetimeCallback sessionLifetime = SessionLifetimeCallback.DEFAULT;
  Boolean sessionTracking;
  Boolean useSecureCookies;
  final List<Provider> providers = new ArrayList<>();
  boolean discoverProviders = true;
  boolean discoverStore = true;
  boolean credentialsDatabaseSessions;
  Boolean refreshAccessTokens;
  Boolean federatedSignOut;
  Boolean upgradeV4Sessions;
  boolean nonBlockingCallbacks;
  Callbacks callbacks = Callbacks.DEFAULTS;
  AuthEvents events = AuthEvents.NONE;
  Pages pages = Pages.BUILT_IN;
  AuthStore store;
  RateLimiter credentialsRateLimiter;
  RateLimiter emailRateLimiter;
  String credentialsRateLimit;
  String emailRateLimit;
  SecurityHeaders securityHeaders = SecurityHeaders.DEFAULT;
  Theme theme = Theme.DEFAULT;
  Clock clock = Clock.systemUTC();
  Environment environment = Environment.system();
  AuthObserver observer = AuthObserver.NONE;

  AuthConfigBuilder() {}

  /** One or more secrets, newest first: the first encrypts, all decrypt (rotation). */
  public AuthConfigBuilder secret(String... secrets) {
    this.secrets = List.of(secrets);
    return this;
  }

  /** The canonical URL of the site or of the API ({@code AUTH_URL}), e.g. {@code https://example.com/api/auth}. */
  public AuthConfigBuilder url(String url) {
    this.url = url;
    return this;
  }

  /** Believe {@code X-Forwarded-Host}/{@code -Proto}: turn on behind a reverse proxy you control. */
  public AuthConfigBuilder trustHost(boolean trustHost) {
    this.trustHost = trustHost;
    return this;
  }

  /**
   * The hosts requests may name when {@code AUTH_URL} is not set ({@code AUTH_ALLOWED_HOSTS}, comma-separated):
   * {@code example.com}, {@code example.com:8443} or {@code *.example.com}. Loopback hosts are always allowed.
   */
  public AuthConfigBuilder allowedHosts(String... hosts) {
    this.allowedHosts = List.of(hosts);
    return this;
  }

  /** Where the API is mounted; default {@code /api/auth}, or the path of {@code AUTH_URL}. */
  public AuthConfigBuilder basePath(String basePath) {
    this.basePath = basePath;
    return this;
  }

  public AuthConfigBuilder protocol(ProtocolVersion protocol) {
    this.protocol = protocol;
    return this;
  }

  public AuthConfigBuilder sessionStrategy(SessionStrategy strategy) {
    this.sessionStrategy = strategy;
    return this;
  }

  /** How long a session lives without activity; default 30 days. */
  public AuthConfigBuilder sessionMaxAge(Duration maxAge) {
    this.sessionMaxAge = maxAge;
    return this;
  }

  /** How often a database session's expiry is written back; default 24 hours. */
  public AuthConfigBuilder sessionUpdateAge(Duration updateAge) {
    this.sessionUpdateAge = updateAge;
    return this;
  }

  /**
   * How long a session lives without activity when the user chose not to be remembered (the sign-in
   * form's {@code rememberMe=false}), and its cookie then ends with the browser
   * ({@code AUTH_SESSION_SHORT_MAX_AGE}, seconds); default 1 day, or {@code sessionMaxAge} when shorter.
   */
  public AuthConfigBuilder sessionShortMaxAge(Duration shortMaxAge) {
    this.sessionShortMaxAge = shortMaxAge;
    return this;
  }

  /**
   * How long a session lives at most from its sign-in, however active it is ({@code
   * AUTH_SESSION_ABSOLUTE_MAX_AGE}, seconds); default none. Database sessions need a store that keeps
   * session records.
   */
  public AuthConfigBuilder sessionAbsoluteMaxAge(Duration absoluteMaxAge) {
    this.sessionAbsoluteMaxAge = absoluteMaxAge;
    return this;
  }

  /** Chooses each new session's lifetime; by default the configured ones. */
  public AuthConfigBuilder sessionLifetime(SessionLifetimeCallback callback) {
    this.sessionLifetime = Objects.requireNonNull(callback, "sessionLifetime");
    return this;
  }

  /**
   * Whether sessions are recorded in the store, so that they can be listed and revoked ({@code
   * AUTH_SESSION_TRACKING}); default on when the store keeps session records ({@code SessionRegistry}). Each
   * read of a JWT session then asks the store whether it was revoked.
   */
  public AuthConfigBuilder sessionTracking(boolean tracking) {
    this.sessionTracking = tracking;
    return this;
  }

  /** Force {@code Secure} cookies and the {@code __Secure-}/{@code __Host-} prefixes on or off. */
  public AuthConfigBuilder useSecureCookies(boolean secure) {
    this.useSecureCookies = secure;
    return this;
  }

  public AuthConfigBuilder provider(Provider provider) {
    providers.add(Objects.requireNonNull(provider, "provider"));
    return this;
  }

  /**
   * Lets credentials sign-ins create database sessions (Auth.js allows only JWT sessions with them):
   * the authorized user is then found in the store by id or email, or created there.
   */
  public AuthConfigBuilder credentialsDatabaseSessions(boolean allow) {
    this.credentialsDatabaseSessions = allow;
    return this;
  }

  /** Whether provider jars on the classpath are looked for (default true). */
  public AuthConfigBuilder discoverProviders(boolean discover) {
    this.discoverProviders = discover;
    return this;
  }

  public AuthConfigBuilder callbacks(Callbacks callbacks) {
    this.callbacks = Objects.requireNonNull(callbacks, "callbacks");
    return this;
  }

  /**
   * A promise that the callbacks and events configured here return without waiting on IO: no database
   * query, no HTTP call, no lock held across one (default {@code false}). Adapters whose server has IO
   * threads (Undertow) then answer a session read on the IO thread, without a hand-off to a worker, when
   * nothing else it asks may block (see {@code Auth.mayBlock}). A callback that breaks the promise stalls
   * every connection served by that IO thread while it waits.
   */
  public AuthConfigBuilder nonBlockingCallbacks(boolean nonBlocking) {
    this.nonBlockingCallbacks = nonBlocking;
    return this;
  }

  public AuthConfigBuilder events(AuthEvents events) {
    this.events = Objects.requireNonNull(events, "events");
    return this;
  }

  public AuthConfigBuilder pages(Pages pages) {
    this.pages = Objects.requireNonNull(pages, "pages");
    return this;
  }

  /**
   * Refreshes OAuth access tokens kept in JWT sessions when they are about to expire ({@code
   * AUTH_REFRESH_TOKENS}); default off. The session token then carries the provider's access and
   * refresh tokens (encrypted), and a failed refresh shows as {@code "error": "RefreshTokenError"}
   * in the session.
   */
  public AuthConfigBuilder refreshAccessTokens(boolean refresh) {
    this.refreshAccessTokens = refresh;
    return this;
  }

  /**
   * Sign-out also signs out of the OIDC provider ({@code AUTH_FEDERATED_SIGNOUT}); default off. JWT
   * sessions then carry the ID token, and {@code POST /signout} redirects through the provider's
   * end-session endpoint back to the callback URL.
   */
  public AuthConfigBuilder federatedSignOut(boolean federated) {
    this.federatedSignOut = federated;
    return this;
  }

  /**
   * A v5 server also accepts a NextAuth v4 session cookie ({@code next-auth.session-token}) and answers it
   * with a v5 one, clearing the v4 cookie ({@code AUTH_UPGRADE_V4_SESSIONS}); default off. Users of a NextAuth
   * v4 app then stay signed in when its API moves here and its clients move to v5. Needs the v4 app's secret
   * among {@link #secrets(List)}.
   */
  public AuthConfigBuilder upgradeV4Sessions(boolean upgrade) {
    this.upgradeV4Sessions = upgrade;
    return this;
  }

  /** Whether a store jar on the classpath may supply the store when none is set; default true. */
  public AuthConfigBuilder discoverStore(boolean discover) {
    this.discoverStore = discover;
    return this;
  }

  /** A store makes database sessions the default strategy, as in Auth.js. */
  public AuthConfigBuilder store(AuthStore store) {
    this.store = store;
    return this;
  }

  /**
   * Limits failed credentials sign-ins per submitted identifier ({@code AUTH_RATE_LIMIT}, e.g. {@code 5/m});
   * off by default. Over the limit, clients see {@code CredentialsSignin} with the code {@code rate_limited},
   * status 429 in JSON mode, and a {@code Retry-After} header.
   */
  public AuthConfigBuilder credentialsRateLimiter(RateLimiter limiter) {
    this.credentialsRateLimiter = Objects.requireNonNull(limiter, "limiter");
    return this;
  }

  /**
   * Limits email links per address ({@code AUTH_EMAIL_RATE_LIMIT}); default {@value #DEFAULT_EMAIL_RATE_LIMIT},
   * {@link RateLimiter#UNLIMITED} (or {@code off}) turns it off. Over the limit, clients see
   * {@code EmailSignin} with the code {@code rate_limited}.
   */
  public AuthConfigBuilder emailRateLimiter(RateLimiter limiter) {
    this.emailRateLimiter = Objects.requireNonNull(limiter, "limiter");
    return this;
  }

  /**
   * The credentials limit as {@code AUTH_RATE_LIMIT} writes it ({@code 5/m}, {@code 10/15m}, {@code 100/h} or
   * {@code off}), in its place: counted in the store when it keeps counters, else in this JVM.
   */
  public AuthConfigBuilder credentialsRateLimit(String spec) {
    this.credentialsRateLimit = Objects.requireNonNull(spec, "spec");
    return this;
  }

  /** The email limit as {@code AUTH_EMAIL_RATE_LIMIT} writes it, in its place; see {@link #credentialsRateLimit}. */
  public AuthConfigBuilder emailRateLimit(String spec) {
    this.emailRateLimit = Objects.requireNonNull(spec, "spec");
    return this;
  }

  /** The security headers of pages and token answers; default {@link SecurityHeaders#DEFAULT}. */
  public AuthConfigBuilder securityHeaders(SecurityHeaders headers) {
    this.securityHeaders = Objects.requireNonNull(headers, "headers");
    return this;
  }

  public AuthConfigBuilder theme(Theme theme) {
    this.theme = Objects.requireNonNull(theme, "theme");
    return this;
  }

  /** The environment read for unset settings and by provider factories; default the process's. */
  public AuthConfigBuilder environment(Environment environment) {
    this.environment = Objects.requireNonNull(environment, "environment");
    return this;
  }

  /** Told of sign-ins, session reads, refusals and store calls, for metrics; default none. */
  public AuthConfigBuilder observer(AuthObserver observer) {
    this.observer = Objects.requireNonNull(observer, "observer");
    return this;
  }

  public AuthConfigBuilder clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /**
   * Resolves and validates every setting, discovering provider jars and then (last, so that nothing
   * else can fail after it opened a pool) a store jar.
   *
   * @throws dev.authjvm.core.error.ConfigurationException naming the first setting that cannot work
   */
  public AuthConfig build() {
    return new ConfigResolution(this).resolve();
  }
}
