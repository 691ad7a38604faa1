package dev.authjvm.core.config;

import dev.authjvm.core.callback.AuthEvents;
import dev.authjvm.core.callback.Callbacks;
import dev.authjvm.core.callback.SessionLifetimeCallback;
import dev.authjvm.core.observe.AuthObserver;
import dev.authjvm.core.provider.Provider;
import dev.authjvm.core.ratelimit.RateLimiter;
import dev.authjvm.core.store.AuthStore;
import dev.authjvm.core.store.CounterStore;
import dev.authjvm.core.store.SessionRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The resolved, validated, immutable configuration of one Auth.js endpoint. Made by {@link #builder()},
 * whose {@code build()} fails at start-up with a message naming the setting when something cannot work.
 */
public final class AuthConfig {
  /** Every setting, resolved; made by {@link ConfigResolution}. */
  record Values(List<String> secrets, URI url, boolean trustHost, List<HostPattern> allowedHosts, String basePath,
                ProtocolVersion protocol, SessionStrategy sessionStrategy, Duration sessionMaxAge,
                Duration sessionUpdateAge, Duration sessionShortMaxAge, Duration sessionAbsoluteMaxAge,
                SessionLifetimeCallback sessionLifetime, boolean sessionTracking, Boolean useSecureCookies, List<Provider> providers, Callbacks callbacks,
                boolean nonBlockingCallbacks, AuthEvents events, Pages pages, AuthStore store, boolean storeDiscovered,
                RateLimiter credentialsRateLimiter, RateLimiter emailRateLimiter, SecurityHeaders securityHeaders,
                boolean refreshAccessTokens, boolean federatedSignOut, boolean upgradeV4Sessions, Theme theme,
                AuthObserver observer, Clock clock) {
    Values {
      secrets = List.copyOf(secrets);
      allowedHosts = List.copyOf(allowedHosts);
      providers = List.copyOf(providers);
    }
  }

  private final Values v;

  AuthConfig(Values values) {
    this.v = values;
  }

  public static AuthConfigBuilder builder() {
    return new AuthConfigBuilder();
  }

  /** Newest first: the first encrypts, all decrypt. */
  public List<String> secrets() {
    return v.secrets();
  }

  /** The canonical origin ({@code AUTH_URL}), which wins over the request's own host when set. */
  public Optional<URI> url() {
    return Optional.ofNullable(v.url());
  }

  /** Whether the right-most {@code X-Forwarded-Host}/{@code -Proto} are believed ({@code AUTH_TRUST_HOST}). */
  public boolean trustHost() {
    return v.trustHost();
  }

  /**
   * Hosts a request may name ({@code AUTH_ALLOWED_HOSTS}) when {@code AUTH_URL} is unset: links and
   * redirects are built only on a trusted host; any other host is refused with 400 {@code UntrustedHost}.
   * Loopback hosts are always trusted unless {@link #trustHost()} is on with a list.
   */
  public List<HostPattern> allowedHosts() {
    return v.allowedHosts();
  }

  /** Where the API is mounted, e.g. {@code /api/auth}; no trailing slash. */
  public String basePath() {
    return v.basePath();
  }

  public ProtocolVersion protocol() {
    return v.protocol();
  }

  public SessionStrategy sessionStrategy() {
    return v.sessionStrategy();
  }

  public Duration sessionMaxAge() {
    return v.sessionMaxAge();
  }

  public Duration sessionUpdateAge() {
    return v.sessionUpdateAge();
  }

  /** The lifetime of a session whose user chose not to be remembered. */
  public Duration sessionShortMaxAge() {
    return v.sessionShortMaxAge();
  }

  /** How long a session lives at most from its sign-in, whatever its activity; empty for no limit. */
  public Optional<Duration> sessionAbsoluteMaxAge() {
    return Optional.ofNullable(v.sessionAbsoluteMaxAge());
  }

  public SessionLifetimeCallback sessionLifetime() {
    return v.sessionLifetime();
  }

  /** The store's session records, when it keeps them and tracking is on: sessions can then be listed and revoked. */
  public Optional<SessionRegistry> sessionRegistry() {
    return v.sessionTracking() && v.store() instanceof SessionRegistry r ? Optional.of(r) : Optional.empty();
  }

  /** The store's expiring counters, when it keeps them: rate limits and one-time values then hold across instances. */
  public Optional<CounterStore> counterStore() {
    return v.store() instanceof CounterStore c ? Optional.of(c) : Optional.empty();
  }

  /** Forced on or off, or empty to follow the scheme of the origin. */
  public Optional<Boolean> useSecureCookies() {
    return Optional.ofNullable(v.useSecureCookies());
  }

  /** In a stable order: explicit ones first, then discovered ones sorted by id. */
  public List<Provider> providers() {
    return v.providers();
  }

  public Optional<Provider> provider(String id) {
    for (Provider p : v.providers()) {
      if (p.id().equals(id)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  public Callbacks callbacks() {
    return v.callbacks();
  }

  public AuthEvents events() {
    return v.events();
  }

  public Pages pages() {
    return v.pages();
  }

  /** Whether sign-out goes through the OIDC provider's end-session endpoint (JWT sessions). */
  public boolean federatedSignOut() {
    return v.federatedSignOut();
  }

  /** Whether a v5 server accepts NextAuth v4 session cookies and replaces them with v5 ones. */
  public boolean upgradeV4Sessions() {
    return v.upgradeV4Sessions();
  }

  /** Whether OAuth access tokens in JWT sessions are refreshed when due. */
  public boolean refreshAccessTokens() {
    return v.refreshAccessTokens();
  }

  /** The limit on failed credentials sign-ins per submitted identifier; {@link RateLimiter#UNLIMITED} when off. */
  public RateLimiter credentialsRateLimiter() {
    return v.credentialsRateLimiter();
  }

  /** The limit on email links per address; {@link RateLimiter#UNLIMITED} when off. */
  public RateLimiter emailRateLimiter() {
    return v.emailRateLimiter();
  }

  public SecurityHeaders securityHeaders() {
    return v.securityHeaders();
  }

  public Optional<AuthStore> store() {
    return Optional.ofNullable(v.store());
  }

  /**
   * Whether the store was made from the environment by a store jar (and so belongs to the {@code Auth}
   * that closes it), rather than passed to {@code store(...)} by the application (which closes it).
   */
  public boolean storeDiscovered() {
    return v.storeDiscovered();
  }

  /** Whether the application promised that its callbacks and events never wait on IO; see the builder. */
  public boolean nonBlockingCallbacks() {
    return v.nonBlockingCallbacks();
  }

  /** The observer of sign-ins, session reads, refusals and store calls; {@link AuthObserver#NONE} by default. */
  public AuthObserver observer() {
    return v.observer();
  }

  public Theme theme() {
    return v.theme();
  }

  public Clock clock() {
    return v.clock();
  }
}
