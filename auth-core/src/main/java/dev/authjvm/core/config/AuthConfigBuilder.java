package dev.authjvm.core.config;

import dev.authjvm.core.callback.AuthEvents;
import dev.authjvm.core.callback.Callbacks;
import dev.authjvm.core.provider.CredentialsProvider;
import dev.authjvm.core.provider.Provider;
import dev.authjvm.core.provider.ProviderType;
import dev.authjvm.core.ratelimit.FixedWindowRateLimiter;
import dev.authjvm.core.ratelimit.RateLimiter;
import dev.authjvm.core.store.AuthStore;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds an {@link AuthConfig}. Settings made here win; what is left unset is read from the
 * environment ({@code AUTH_SECRET}, {@code AUTH_URL}, ...), then defaults apply. {@link #build()}
 * validates everything eagerly. Not thread-safe; use once.
 */
public final class AuthConfigBuilder {
  /** 32 characters: what {@code openssl rand -base64 24} gives; Auth.js's generator gives 44. */
  public static final int MIN_SECRET_LENGTH = 32;
  private static final Logger LOG = LoggerFactory.getLogger(AuthConfigBuilder.class);
  /** Email links per address unless {@code AUTH_EMAIL_RATE_LIMIT} says otherwise: enough for typos and lost mail. */
  public static final String DEFAULT_EMAIL_RATE_LIMIT = "5/h";
  private static final Pattern PROVIDER_ID = Pattern.compile("[a-z0-9][a-z0-9_-]*");

  private List<String> secrets;
  private String url;
  private Boolean trustHostSetting;
  boolean trustHost;
  private List<String> allowedHostsSetting;
  List<HostPattern> allowedHosts;
  private String basePathSetting;
  ProtocolVersion protocol;
  SessionStrategy sessionStrategy;
  Duration sessionMaxAge;
  Duration sessionUpdateAge;
  Boolean useSecureCookies;
  private final List<Provider> explicitProviders = new ArrayList<>();
  private boolean discoverProviders = true;
  private boolean discoverStore = true;
  private boolean credentialsDatabaseSessions;
  Boolean refreshAccessTokens;
  Boolean federatedSignOut;
  Callbacks callbacks = Callbacks.DEFAULTS;
  AuthEvents events = AuthEvents.NONE;
  Pages pages = Pages.BUILT_IN;
  AuthStore store;
  RateLimiter credentialsRateLimiter;
  RateLimiter emailRateLimiter;
  SecurityHeaders securityHeaders = SecurityHeaders.DEFAULT;
  Theme theme = Theme.DEFAULT;
  Clock clock = Clock.systemUTC();
  private Environment environment = Environment.system();

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
    this.trustHostSetting = trustHost;
    return this;
  }

  /**
   * The hosts requests may name when {@code AUTH_URL} is not set ({@code AUTH_ALLOWED_HOSTS}, comma-separated):
   * {@code example.com}, {@code example.com:8443} or {@code *.example.com}. Loopback hosts are always allowed.
   */
  public AuthConfigBuilder allowedHosts(String... hosts) {
    this.allowedHostsSetting = List.of(hosts);
    return this;
  }

  /** Where the API is mounted; default {@code /api/auth}, or the path of {@code AUTH_URL}. */
  public AuthConfigBuilder basePath(String basePath) {
    this.basePathSetting = basePath;
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

  /** Force {@code Secure} cookies and the {@code __Secure-}/{@code __Host-} prefixes on or off. */
  public AuthConfigBuilder useSecureCookies(boolean secure) {
    this.useSecureCookies = secure;
    return this;
  }

  public AuthConfigBuilder provider(Provider provider) {
    explicitProviders.add(Objects.requireNonNull(provider, "provider"));
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

  public AuthConfigBuilder clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /** @throws ConfigurationException naming the first setting that cannot work */
  public AuthConfig build() {
    Environment env = environment;
    List<String> resolvedSecrets = resolveSecrets(env);
    URI resolvedUrl = resolveUrl(env);
    String basePath = resolveBasePath(resolvedUrl);
    trustHost = trustHostSetting != null ? trustHostSetting : env.flag("AUTH_TRUST_HOST").orElse(false);
    allowedHosts = (allowedHostsSetting != null ? allowedHostsSetting
        : env.get("AUTH_ALLOWED_HOSTS").map(v -> List.of(v.split(","))).orElse(List.of()))
        .stream().filter(h -> !h.isBlank()).map(HostPattern::parse).toList();
    if (federatedSignOut == null) {
      federatedSignOut = env.flag("AUTH_FEDERATED_SIGNOUT").orElse(false);
    }
    if (refreshAccessTokens == null) {
      refreshAccessTokens = env.flag("AUTH_REFRESH_TOKENS").orElse(false);
    }
    if (store == null && discoverStore) {
      store = PluginDiscovery.store(env);
    }
    if (protocol == null) {
      protocol = env.get("AUTH_PROTOCOL_VERSION").map(AuthConfigBuilder::parseProtocol).orElse(ProtocolVersion.V5);
    }
    if (sessionMaxAge == null) {
      sessionMaxAge = seconds(env, "AUTH_SESSION_MAX_AGE").orElse(Duration.ofDays(30));
    }
    if (sessionUpdateAge == null) {
      // 24 hours, but never longer than the session itself.
      sessionUpdateAge = seconds(env, "AUTH_SESSION_UPDATE_AGE")
          .orElse(Duration.ofHours(24).compareTo(sessionMaxAge) < 0 ? Duration.ofHours(24) : sessionMaxAge);
    }
    if (sessionMaxAge.isNegative() || sessionMaxAge.isZero()) {
      throw new ConfigurationException("session maxAge (AUTH_SESSION_MAX_AGE) must be positive");
    }
    if (sessionUpdateAge.isNegative() || sessionUpdateAge.compareTo(sessionMaxAge) > 0) {
      throw new ConfigurationException("session updateAge (AUTH_SESSION_UPDATE_AGE) must be between 0 and maxAge");
    }
    if (sessionStrategy == null) {
      sessionStrategy = store != null ? SessionStrategy.DATABASE : SessionStrategy.JWT;
    }
    if (sessionStrategy == SessionStrategy.DATABASE && store == null) {
      throw new ConfigurationException("session strategy DATABASE needs a store: set store(...) or add a store jar");
    }
    validatePages();
    if (credentialsRateLimiter == null) {
      credentialsRateLimiter = rateLimit(env, "AUTH_RATE_LIMIT", "off");
    }
    if (emailRateLimiter == null) {
      emailRateLimiter = rateLimit(env, "AUTH_EMAIL_RATE_LIMIT", DEFAULT_EMAIL_RATE_LIMIT);
    }
    List<Provider> providers = resolveProviders(env);
    return new AuthConfig(this, resolvedSecrets, resolvedUrl, basePath, providers);
  }

  private List<String> resolveSecrets(Environment env) {
    List<String> resolved = secrets;
    if (resolved == null || resolved.isEmpty()) {
      // As @auth/core: AUTH_SECRET_1..3 are prepended in turn, so the highest number encrypts.
      List<String> fromEnv = new ArrayList<>();
      env.first("AUTH_SECRET", "NEXTAUTH_SECRET").ifPresent(fromEnv::add);
      for (int i = 1; i <= 3; i++) {
        env.get("AUTH_SECRET_" + i).ifPresent(s -> fromEnv.add(0, s));
      }
      resolved = fromEnv;
    }
    if (resolved.isEmpty()) {
      throw new ConfigurationException("AUTH_SECRET is not set: set it to a random value of at least "
          + MIN_SECRET_LENGTH + " characters (e.g. the output of `openssl rand -base64 33`)");
    }
    for (String s : resolved) {
      if (s == null || s.length() < MIN_SECRET_LENGTH) {
        throw new ConfigurationException("AUTH_SECRET is too short (" + (s == null ? 0 : s.length())
            + " characters): use at least " + MIN_SECRET_LENGTH + " random characters");
      }
    }
    return resolved;
  }

  private URI resolveUrl(Environment env) {
    String raw = url != null ? url : env.first("AUTH_URL", "NEXTAUTH_URL").orElse(null);
    if (raw == null) {
      return null;
    }
    if (raw.contains("://") && !raw.startsWith("http://") && !raw.startsWith("https://")) {
      throw new ConfigurationException("AUTH_URL must be an http(s) URL, not '" + raw + "'");
    }
    try {
      // As NextAuth.js: a bare host means https.
      URI uri = new URI(raw.startsWith("http") ? raw : "https://" + raw);
      String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
          || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
        throw new ConfigurationException("AUTH_URL must be an http(s) URL without query or credentials, not '" + raw + "'");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new ConfigurationException("AUTH_URL is not a valid URL: '" + raw + "'");
    }
  }

  private String resolveBasePath(URI resolvedUrl) {
    String urlPath = resolvedUrl == null ? "" : stripTrailingSlash(resolvedUrl.getRawPath());
    String path = basePathSetting != null ? stripTrailingSlash(basePathSetting) : urlPath.isEmpty() ? "/api/auth" : urlPath;
    if (!path.startsWith("/") || path.length() < 2 || path.contains("?") || path.contains("#") || path.contains("//")) {
      throw new ConfigurationException("basePath must be a path such as /api/auth, not '" + path + "'");
    }
    if (!urlPath.isEmpty() && !urlPath.equals(path)) {
      throw new ConfigurationException("the path of AUTH_URL (" + urlPath + ") differs from basePath (" + path
          + "): make them equal, or leave the path out of AUTH_URL");
    }
    return path;
  }

  private void validatePages() {
    Map<String, String> named = new LinkedHashMap<>();
    named.put("pages.signIn", pages.signIn());
    named.put("pages.signOut", pages.signOut());
    named.put("pages.error", pages.error());
    named.put("pages.verifyRequest", pages.verifyRequest());
    named.put("pages.newUser", pages.newUser());
    named.forEach((name, value) -> {
      if (value != null && !(value.startsWith("/") && !value.startsWith("//")
          || value.startsWith("https://") || value.startsWith("http://"))) {
        throw new ConfigurationException(name + " must be a path starting with / or an http(s) URL, not '" + value + "'");
      }
    });
  }

  private List<Provider> resolveProviders(Environment env) {
    Map<String, String> sources = new LinkedHashMap<>();
    List<Provider> all = new ArrayList<>();
    for (Provider p : explicitProviders) {
      register(p, "explicit configuration", sources, all);
    }
    if (discoverProviders) {
      for (Map.Entry<Provider, String> e : PluginDiscovery.providers(env)) {
        register(e.getKey(), e.getValue(), sources, all);
        LOG.info("provider '{}' enabled by {}", e.getKey().id(), e.getValue());
      }
    }
    if (sessionStrategy == SessionStrategy.DATABASE && !credentialsDatabaseSessions
        && all.stream().anyMatch(p -> p.type() == ProviderType.CREDENTIALS)) {
      throw new ConfigurationException("credentials providers with session strategy DATABASE: Auth.js refuses this "
          + "combination; set sessionStrategy(JWT), or opt in with credentialsDatabaseSessions(true)");
    }
    if (credentialsRateLimiter != RateLimiter.UNLIMITED) {
      for (Provider p : all) {
        if (p instanceof CredentialsProvider c && c.identifierField() == null) {
          throw new ConfigurationException("AUTH_RATE_LIMIT is on, but credentials provider '" + p.id() + "' has no "
              + "identifier field to count attempts by (every user would share one limit): give it fields, or name "
              + "one with identifierField(...)");
        }
      }
    }
    return all;
  }

  private static void register(Provider p, String source, Map<String, String> sources, List<Provider> all) {
    if (p.id() == null || !PROVIDER_ID.matcher(p.id()).matches()) {
      throw new ConfigurationException("provider id '" + p.id() + "' from " + source
          + " must be lower-case letters, digits, '-' or '_'");
    }
    String previous = sources.putIfAbsent(p.id(), source);
    if (previous != null) {
      throw new ConfigurationException("provider id '" + p.id() + "' is defined twice: by " + previous
          + " and by " + source + "; remove one or give one another id");
    }
    all.add(p);
  }

  private RateLimiter rateLimit(Environment env, String name, String fallback) {
    String spec = env.get(name).orElse(fallback);
    if (spec.equalsIgnoreCase("off")) {
      return RateLimiter.UNLIMITED;
    }
    try {
      return FixedWindowRateLimiter.parse(spec, clock);
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException(name + ": " + e.getMessage());
    }
  }

  private static ProtocolVersion parseProtocol(String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "v4", "4", "v3", "3" -> ProtocolVersion.V4;
      case "v5", "5" -> ProtocolVersion.V5;
      default -> throw new ConfigurationException("AUTH_PROTOCOL_VERSION must be v4 or v5, not '" + value + "'");
    };
  }

  private static Optional<Duration> seconds(Environment env, String name) {
    return env.get(name).map(v -> {
      try {
        return Duration.ofSeconds(Long.parseLong(v));
      } catch (NumberFormatException e) {
        throw new ConfigurationException(name + " must be a number of seconds, not '" + v + "'");
      }
    });
  }

  private static String stripTrailingSlash(String path) {
    String p = path == null ? "" : path;
    while (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p;
  }
}
