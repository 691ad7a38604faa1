package dev.authjvm.core.config;

import dev.authjvm.core.callback.AuthEvents;
import dev.authjvm.core.callback.Callbacks;
import dev.authjvm.core.provider.Provider;
import dev.authjvm.core.ratelimit.RateLimiter;
import dev.authjvm.core.store.AuthStore;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The validated, immutable configuration of one Auth.js endpoint. Made by {@link #builder()}, whose
 * {@code build()} fails at start-up with a message naming the setting when something cannot work.
 */
public final class AuthConfig {
  private final List<String> secrets;
  private final URI url;
  private final boolean trustHost;
  private final List<HostPattern> allowedHosts;
  private final String basePath;
  private final ProtocolVersion protocol;
  private final SessionStrategy sessionStrategy;
  private final Duration sessionMaxAge;
  private final Duration sessionUpdateAge;
  private final Boolean useSecureCookies;
  private final List<Provider> providers;
  private final Callbacks callbacks;
  private final AuthEvents events;
  private final Pages pages;
  private final AuthStore store;
  private final RateLimiter credentialsRateLimiter;
  private final RateLimiter emailRateLimiter;
  private final SecurityHeaders securityHeaders;
  private final boolean refreshAccessTokens;
  private final boolean federatedSignOut;
  private final Theme theme;
  private final Clock clock;

  AuthConfig(AuthConfigBuilder b, List<String> secrets, URI url, String basePath, List<Provider> providers) {
    this.secrets = List.copyOf(secrets);
    this.url = url;
    this.trustHost = b.trustHost;
    this.allowedHosts = List.copyOf(b.allowedHosts);
    this.basePath = basePath;
    this.protocol = b.protocol;
    this.sessionStrategy = b.sessionStrategy;
    this.sessionMaxAge = b.sessionMaxAge;
    this.sessionUpdateAge = b.sessionUpdateAge;
    this.useSecureCookies = b.useSecureCookies;
    this.providers = List.copyOf(providers);
    this.callbacks = b.callbacks;
    this.events = b.events;
    this.pages = b.pages;
    this.store = b.store;
    this.credentialsRateLimiter = b.credentialsRateLimiter;
    this.emailRateLimiter = b.emailRateLimiter;
    this.securityHeaders = b.securityHeaders;
    this.refreshAccessTokens = b.refreshAccessTokens;
    this.federatedSignOut = b.federatedSignOut;
    this.theme = b.theme;
    this.clock = b.clock;
  }

  public static AuthConfigBuilder builder() {
    return new AuthConfigBuilder();
  }

  /** Newest first: the first encrypts, all decrypt. */
  public List<String> secrets() {
    return secrets;
  }

  /** The canonical origin ({@code AUTH_URL}), which wins over the request's own host when set. */
  public Optional<URI> url() {
    return Optional.ofNullable(url);
  }

  /** Whether {@code X-Forwarded-Host}/{@code -Proto} are believed ({@code AUTH_TRUST_HOST}). */
  public boolean trustHost() {
    return trustHost;
  }

  /**
   * Hosts a request may name ({@code AUTH_ALLOWED_HOSTS}) when {@code AUTH_URL} is unset: links and
   * redirects are built only on a trusted host; any other host is refused with 400 {@code UntrustedHost}.
   * Loopback hosts are always trusted unless {@link #trustHost()} is on with a list.
   */
  public List<HostPattern> allowedHosts() {
    return allowedHosts;
  }

  /** Where the API is mounted, e.g. {@code /api/auth}; no trailing slash. */
  public String basePath() {
    return basePath;
  }

  public ProtocolVersion protocol() {
    return protocol;
  }

  public SessionStrategy sessionStrategy() {
    return sessionStrategy;
  }

  public Duration sessionMaxAge() {
    return sessionMaxAge;
  }

  public Duration sessionUpdateAge() {
    return sessionUpdateAge;
  }

  /** Forced on or off, or empty to follow the scheme of the origin. */
  public Optional<Boolean> useSecureCookies() {
    return Optional.ofNullable(useSecureCookies);
  }

  /** In a stable order: explicit ones first, then discovered ones sorted by id. */
  public List<Provider> providers() {
    return providers;
  }

  public Optional<Provider> provider(String id) {
    return providers.stream().filter(p -> p.id().equals(id)).findFirst();
  }

  public Callbacks callbacks() {
    return callbacks;
  }

  public AuthEvents events() {
    return events;
  }

  public Pages pages() {
    return pages;
  }

  /** Whether sign-out goes through the OIDC provider's end-session endpoint (JWT sessions). */
  public boolean federatedSignOut() {
    return federatedSignOut;
  }

  /** Whether OAuth access tokens in JWT sessions are refreshed when due. */
  public boolean refreshAccessTokens() {
    return refreshAccessTokens;
  }

  /** The limit on failed credentials sign-ins per submitted identifier; {@link RateLimiter#UNLIMITED} when off. */
  public RateLimiter credentialsRateLimiter() {
    return credentialsRateLimiter;
  }

  /** The limit on email links per address; {@link RateLimiter#UNLIMITED} when off. */
  public RateLimiter emailRateLimiter() {
    return emailRateLimiter;
  }

  public SecurityHeaders securityHeaders() {
    return securityHeaders;
  }

  public Optional<AuthStore> store() {
    return Optional.ofNullable(store);
  }

  public Theme theme() {
    return theme;
  }

  public Clock clock() {
    return clock;
  }
}
