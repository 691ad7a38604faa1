package dev.authjvm.core.config;

import dev.authjvm.core.error.ConfigurationException;
import dev.authjvm.core.observe.AuthObserver;
import dev.authjvm.core.provider.CredentialsProvider;
import dev.authjvm.core.provider.Provider;
import dev.authjvm.core.provider.ProviderId;
import dev.authjvm.core.provider.WebAuthnProvider;
import dev.authjvm.core.ratelimit.FixedWindowRateLimiter;
import dev.authjvm.core.ratelimit.RateLimit;
import dev.authjvm.core.ratelimit.RateLimiter;
import dev.authjvm.core.ratelimit.SharedRateLimiter;
import dev.authjvm.core.spi.Environment;
import dev.authjvm.core.store.AuthStore;
import dev.authjvm.core.store.AuthenticatorStore;
import dev.authjvm.core.store.CounterStore;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One resolution of a builder's settings: each setting from the builder, else the environment, else
 * its default, validated with a message that names it. Reads the builder; changes nothing in it.
 */
final class ConfigResolution {
  private static final Logger LOG = LoggerFactory.getLogger(ConfigResolution.class);

  private final AuthConfigBuilder b;
  private final Environment env;

  ConfigResolution(AuthConfigBuilder builder) {
    this.b = builder;
    this.env = builder.environment;
  }

  AuthConfig resolve() {
    List<String> secrets = secrets();
    URI url = url();
    String basePath = basePath(url);
    boolean trustHost = b.trustHost != null ? b.trustHost : env.flag("AUTH_TRUST_HOST").orElse(false);
    List<HostPattern> allowedHosts = (b.allowedHosts != null ? b.allowedHosts
        : env.get("AUTH_ALLOWED_HOSTS").map(v -> List.of(v.split(","))).orElse(List.of()))
        .stream().filter(h -> !h.isBlank()).map(HostPattern::parse).toList();
    ProtocolVersion protocol = b.protocol != null ? b.protocol
        : env.get("AUTH_PROTOCOL_VERSION").map(ConfigResolution::protocol).orElse(ProtocolVersion.V5);
    Duration maxAge = b.sessionMaxAge != null ? b.sessionMaxAge
        : seconds("AUTH_SESSION_MAX_AGE").orElse(Duration.ofDays(30));
    if (maxAge.isNegative() || maxAge.isZero()) {
      throw new ConfigurationException("session maxAge (AUTH_SESSION_MAX_AGE) must be positive");
    }
    // 24 hours, but never longer than the session itself.
    Duration updateAge = b.sessionUpdateAge != null ? b.sessionUpdateAge : seconds("AUTH_SESSION_UPDATE_AGE")
        .orElse(Duration.ofHours(24).compareTo(maxAge) < 0 ? Duration.ofHours(24) : maxAge);
    if (updateAge.isNegative() || updateAge.compareTo(maxAge) > 0) {
      throw new ConfigurationException("session updateAge (AUTH_SESSION_UPDATE_AGE) must be between 0 and maxAge");
    }
    SessionLifetimes lifetimes = SessionLifetimes.resolve(b, env, maxAge);
    validatePages(b.pages);
    Optional<RateLimit> credentialsLimit = b.credentialsRateLimiter != null ? Optional.empty()
        : rateLimit("AUTH_RATE_LIMIT", b.credentialsRateLimit, "off");
    Optional<RateLimit> emailLimit = b.emailRateLimiter != null ? Optional.empty()
        : rateLimit("AUTH_EMAIL_RATE_LIMIT", b.emailRateLimit, AuthConfigBuilder.DEFAULT_EMAIL_RATE_LIMIT);
    List<Provider> providers = providers(credentialsLimit.isPresent()
        || b.credentialsRateLimiter != null && b.credentialsRateLimiter != RateLimiter.UNLIMITED);
    boolean federatedSignOut = b.federatedSignOut != null ? b.federatedSignOut
        : env.flag("AUTH_FEDERATED_SIGNOUT").orElse(false);
    boolean upgradeV4 = b.upgradeV4Sessions != null ? b.upgradeV4Sessions
        : env.flag("AUTH_UPGRADE_V4_SESSIONS").orElse(false);
    if (upgradeV4 && protocol != ProtocolVersion.V5) {
      throw new ConfigurationException("upgradeV4Sessions (AUTH_UPGRADE_V4_SESSIONS) is for a v5 server; "
          + "with AUTH_PROTOCOL_VERSION=4 the server reads v4 cookies already");
    }
    boolean refreshTokens = b.refreshAccessTokens != null ? b.refreshAccessTokens
        : env.flag("AUTH_REFRESH_TOKENS").orElse(false);

    // The store comes last: a store jar may have opened a pool, and nothing may fail after that
    // without closing it.
    AuthStore store = b.store;
    boolean discovered = false;
    if (store == null && b.discoverStore) {
      store = PluginDiscovery.store(env);
      discovered = store != null;
    }
    try {
      requirePasskeyStore(store, providers);
      SessionStrategy strategy = sessionStrategy(store, providers);
      lifetimes.requireRecordsForDatabaseSessions(strategy, store);
      AuthObserver observer = SafeObserver.of(b.observer);
      AuthStore observed = ObservedStore.wrap(store, observer);
      RateLimiter credentialsLimiter = limiter(b.credentialsRateLimiter, credentialsLimit, "credentials", observed);
      RateLimiter emailLimiter = limiter(b.emailRateLimiter, emailLimit, "email", observed);
      return new AuthConfig(new AuthConfig.Values(secrets, url, trustHost, allowedHosts, basePath, protocol, strategy,
          maxAge, updateAge, lifetimes.shortMaxAge(), lifetimes.absoluteMaxAge(), b.sessionLifetime,
          lifetimes.tracking(), b.useSecureCookies, providers, b.callbacks, b.nonBlockingCallbacks, b.events, b.pages,
          observed, discovered, credentialsLimiter, emailLimiter, b.securityHeaders,
          refreshTokens, federatedSignOut, upgradeV4, b.theme, observer, b.clock));
    } catch (RuntimeException e) {
      if (discovered) {
        store.close();
      }
      throw e;
    }
  }

  private SessionStrategy sessionStrategy(AuthStore store, List<Provider> providers) {
    SessionStrategy strategy = b.sessionStrategy != null ? b.sessionStrategy
        : store != null ? SessionStrategy.DATABASE : SessionStrategy.JWT;
    if (strategy == SessionStrategy.DATABASE && store == null) {
      throw new ConfigurationException("session strategy DATABASE needs a store: set store(...) or add a store jar");
    }
    if (strategy == SessionStrategy.DATABASE && !b.credentialsDatabaseSessions
        && providers.stream().anyMatch(CredentialsProvider.class::isInstance)) {
      throw new ConfigurationException("credentials providers with session strategy DATABASE: Auth.js refuses this "
          + "combination; set sessionStrategy(JWT), or opt in with credentialsDatabaseSessions(true)");
    }
    return strategy;
  }

  /** Passkeys live in the store: a WebAuthn provider needs one that keeps them. */
  private static void requirePasskeyStore(AuthStore store, List<Provider> providers) {
    for (Provider p : providers) {
      if (p instanceof WebAuthnProvider && !(store instanceof AuthenticatorStore)) {
        throw new ConfigurationException("WebAuthn provider '" + p.id() + "' keeps passkeys in the store, but "
            + (store == null ? "no store is configured" : "the store " + store.getClass().getSimpleName()
            + " does not implement AuthenticatorStore") + ": set store(...) to one that does (InMemoryAuthStore, "
            + "JdbcAuthStore, RedisAuthStore), or add a store jar and its setting (AUTH_JDBC_URL, AUTH_REDIS_URL)");
      }
    }
  }

  private List<String> secrets() {
    List<String> resolved = b.secrets;
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
          + AuthConfigBuilder.MIN_SECRET_LENGTH + " characters (e.g. the output of `openssl rand -base64 33`)");
    }
    for (String s : resolved) {
      if (s == null || s.length() < AuthConfigBuilder.MIN_SECRET_LENGTH) {
        throw new ConfigurationException("AUTH_SECRET is too short (" + (s == null ? 0 : s.length())
            + " characters): use at least " + AuthConfigBuilder.MIN_SECRET_LENGTH + " random characters");
      }
    }
    return resolved;
  }

  private URI url() {
    String raw = b.url != null ? b.url : env.first("AUTH_URL", "NEXTAUTH_URL").orElse(null);
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

  private String basePath(URI url) {
    String urlPath = url == null ? "" : stripTrailingSlash(url.getRawPath());
    String path = b.basePath != null ? stripTrailingSlash(b.basePath) : urlPath.isEmpty() ? "/api/auth" : urlPath;
    if (!path.startsWith("/") || path.length() < 2 || path.contains("?") || path.contains("#") || path.contains("//")) {
      throw new ConfigurationException("basePath must be a path such as /api/auth, not '" + path + "'");
    }
    if (!urlPath.isEmpty() && !urlPath.equals(path)) {
      throw new ConfigurationException("the path of AUTH_URL (" + urlPath + ") differs from basePath (" + path
          + "): make them equal, or leave the path out of AUTH_URL");
    }
    return path;
  }

  private static void validatePages(Pages pages) {
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

  private List<Provider> providers(boolean credentialsLimited) {
    Map<String, String> sources = new LinkedHashMap<>();
    List<Provider> all = new ArrayList<>();
    for (Provider p : b.providers) {
      register(p, "explicit configuration", sources, all);
    }
    if (b.discoverProviders) {
      for (Map.Entry<Provider, String> e : PluginDiscovery.providers(env)) {
        register(e.getKey(), e.getValue(), sources, all);
        LOG.info("provider '{}' enabled by {}", e.getKey().id(), e.getValue());
      }
    }
    if (credentialsLimited) {
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
    ProviderId.require(p.id(), source);
    String previous = sources.putIfAbsent(p.id(), source);
    if (previous != null) {
      throw new ConfigurationException("provider id '" + p.id() + "' is defined twice: by " + previous
          + " and by " + source + "; remove one or give one another id");
    }
    all.add(p);
  }

  /** The limit set on the builder, else in the variable, else the fallback; empty when it is {@code off}. */
  private Optional<RateLimit> rateLimit(String name, String configured, String fallback) {
    String spec = configured != null ? configured : env.get(name).orElse(fallback);
    if (spec.equalsIgnoreCase("off")) {
      return Optional.empty();
    }
    try {
      return Optional.of(RateLimit.parse(spec));
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException(name + ": " + e.getMessage());
    }
  }

  /** The limiter set on the builder, else the setting's limit: counted in the store when it can, else in this JVM. */
  private RateLimiter limiter(RateLimiter configured, Optional<RateLimit> limit, String name, AuthStore store) {
    if (configured != null) {
      return configured;
    }
    return limit.<RateLimiter>map(l -> store instanceof CounterStore counters
        ? new SharedRateLimiter(counters, name, l, b.clock)
        : new FixedWindowRateLimiter(l.limit(), l.window(), b.clock)).orElse(RateLimiter.UNLIMITED);
  }

  private static ProtocolVersion protocol(String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "v4", "4", "v3", "3" -> ProtocolVersion.V4;
      case "v5", "5" -> ProtocolVersion.V5;
      default -> throw new ConfigurationException("AUTH_PROTOCOL_VERSION must be v4 or v5, not '" + value + "'");
    };
  }

  private Optional<Duration> seconds(String name) {
    return SessionLifetimes.seconds(env, name);
  }

  private static String stripTrailingSlash(String path) {
    String p = path == null ? "" : path;
    while (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p;
  }
}
